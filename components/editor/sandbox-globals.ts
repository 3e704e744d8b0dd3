// Declarations of what the sandbox gives a tools source: its globals and the few types they use.
// A global script (no imports or exports), meant for the editor's TypeScript service as an extra lib.

/** Where the editor registers the sandbox declarations. */
export const SANDBOX_GLOBALS_URI = 'file:///sandbox-globals.d.ts';

export const SANDBOX_GLOBALS_DTS = `/** Logging: every call becomes a line of the step's output. */
declare const console: {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  debug(...args: unknown[]): void;
};

/** Calls handler(...args) once, after delay milliseconds. Timers live only while the step runs. */
declare function setTimeout(handler: (...args: any[]) => void, delay?: number, ...args: any[]): number;
/** Calls handler(...args) every delay milliseconds. Timers live only while the step runs. */
declare function setInterval(handler: (...args: any[]) => void, delay?: number, ...args: any[]): number;
/** Cancels a timer made by setTimeout. */
declare function clearTimeout(id: number | undefined): void;
/** Cancels a timer made by setInterval. */
declare function clearInterval(id: number | undefined): void;

/**
 * A URL-like value: fetch reads it with toString().
 * A type only: the sandbox has no URL constructor.
 */
interface URL {
  readonly href: string;
  toString(): string;
}

/**
 * A query-string-like value: a request body reads it with toString().
 * A type only: the sandbox has no URLSearchParams constructor.
 */
interface URLSearchParams {
  toString(): string;
}

/** The headers of a response. Names are case-insensitive. */
interface Headers {
  get(name: string): string | null;
  has(name: string): boolean;
}

/** Options of a request. */
interface RequestInit {
  /** GET when left out. */
  method?: string;
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
}

/** A response, with its body already read. */
interface Response {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly url: string;
  readonly headers: Headers;
  text(): Promise<string>;
  json(): Promise<unknown>;
}

/**
 * Makes an HTTP(S) request.
 *
 * Only exists when the playground allows network access, and then only reaches the hosts it lists
 * (other hosts fail with an error). Without network access, fetch is undefined.
 */
declare function fetch(input: string | URL, init?: RequestInit): Promise<Response>;

/** Ends the run with this answer. */
declare function final_answer(answer: unknown): never;
`;
