// @ts-check
// Agent Playground kernel, protocol agk1. The kernel program: plain Node (CommonJS, built-in modules only), written to a file and run as `node kernel.cjs
// [modulesDir]` — as a child process (tests, the CLI) or inside a WebContainer (Node 18/20). One persistent `vm`
// context holds the session; the sandbox-side code is the same prelude the QuickJS sandbox runs (sent in `init`).
//
// The protocol (message shapes: kernel-protocol.ts):
//   host → kernel  one JSON object per line on stdin (anything before the first `{` of a line is ignored)
//   kernel → host  `#agk1:<token>#` + one JSON object + "\n" on stdout; the token comes from `init`, so nothing
//                  else a process prints (npm warnings, a shell's echo of the input) can pass for a message.
//
// Every run of the model's code (the snippet, a timer, a settled host call, the continuations they unlock) happens
// inside one `runInContext`, bounded by the step's remaining time as `timeout` or, when the host can send SIGINT
// (init.interrupt 'signal'), by `breakOnSigint`; the context drains its own promise jobs at the end of each
// evaluation (`microtaskMode: 'afterEvaluate'`), so sync and async work alike is interrupted at the deadline with
// the session kept. What the kernel cannot interrupt is left to the host's watchdog, which kills and restarts the
// process.
//
// Nothing from the kernel's own realm is handed to the context: objects and functions from the kernel would lead
// back to `process` (`x.constructor.constructor('return process')()`). The context gets primitives only, through
// a small adapter evaluated inside it; dynamic `import()` is answered inside the context too (that needs Node's
// `--experimental-vm-modules`, see KERNEL_NODE_FLAGS in kernel-source.ts).
//
// The launchers ship this file's text as it is (kernel-source.ts imports it with `?raw`): keep it plain Node that
// runs on Node 18 and later, built-in modules only.
'use strict';
const vm = require('vm');
const fs = require('fs');
const path = require('path');
const BUILTINS = require('module').builtinModules;

const MODULES_DIR = path.resolve(process.argv[2] || path.join(__dirname, 'node_modules'));
const NODE_ARGS = process.execArgv.concat(String(process.env.NODE_OPTIONS || '').split(/\s+/));
/** Dynamic import() is answered inside the context only with this flag; without it Node rejects with its own error. */
const IMPORT_GUARD = NODE_ARGS.indexOf('--experimental-vm-modules') >= 0;
/** Time for the kernel's own bookkeeping inside the context (ending a step, checking for leftover work). */
const IDLE_BUDGET_MS = 250;
const TIMED_OUT = { timedOut: true };
const INTERRUPTED = { interrupted: true };
/** An error of the kernel's own (a value the context threw is never kept: only its message). */
class Failure {
  /** @param {string} message */
  constructor(message) { this.message = message; }
}

/** @typedef {import('./kernel-protocol').InitMessage} Config */
/** @typedef {import('./kernel-protocol').HostMessage} HostMessage */
/** @typedef {import('./kernel-protocol').KernelMessage} KernelMessage */
/** @typedef {import('./kernel-protocol').DoneMessage['stop']} Stop */
/** A settled host call or fetch, answered inside the context: ok, and the value's JSON or the error's message. */
/** @typedef {(ok: boolean, text: string) => void} Done */
/** What the context gives back: a string, a number, a function, undefined — or the kernel's own markers. */
/** @typedef {unknown} Outcome */
/**
 * The adapter's face to the kernel (contextAdapter's return value, living in the context).
 * @typedef {object} Adapter
 * @property {(name: string, a?: unknown, b?: unknown, c?: unknown, key?: string) => void} prepare
 * @property {() => void} begin
 * @property {(spec: string) => Error} importError
 */
/**
 * @typedef {object} Session
 * @property {import('vm').Context} context
 * @property {Adapter} adapter
 * @property {import('vm').Script} runner  evaluates `__agk_enter()`: the one way into the session
 */
/**
 * A step (a snippet, or a call of a tools-source function) while it runs.
 * @typedef {object} Step
 * @property {number} id
 * @property {number} deadline  performance.now() at which the step's time is up
 * @property {Map<number, NodeJS.Timeout>} timers  the context's timers, by its id
 * @property {Map<string, Done>} calls  host calls and fetches waiting for their result
 * @property {Map<string, number>} tools  tool calls running, with their start time
 * @property {number} imports  rejected import() calls whose rejection has not reached the context yet
 * @property {string | null} text  the prelude's settle/callRaw JSON, once the code settled
 * @property {string | null} final  JSON of the final answer
 * @property {{ type: string, message: string, stack: string } | null} syntax
 * @property {string | null} timerError
 * @property {number} used  console characters kept
 * @property {number} dropped  console characters dropped beyond maxLogChars
 * @property {NodeJS.Timeout | null} deadlineTimer
 * @property {number} paused  waits for a person under way: while there is one, the deadline stands still
 * @property {number} pausedAt  now() when the first of them began
 */

/** @type {string | null} */
let prefix = null;
// Both set by init() before any other message is handled (handle() drops messages until then).
/** @type {Config} */
let config = /** @type {never} */ (null);
/** @type {Session} */
let session = /** @type {never} */ (null);
/** @type {Step | null} */
let current = null;
let syncDrain = false;
let drained = false;
let toolSeq = 0;
let fetchSeq = 0;

process.on('unhandledRejection', function () {});
// In 'signal' mode the host interrupts a run with SIGINT; one that arrives while no code runs is ignored.
process.on('SIGINT', function () {});
process.stdout.on('error', function () { process.exit(0); });

function now() { return performance.now(); }
/** @param {KernelMessage} message */
function send(message) {
  if (prefix !== null) process.stdout.write(prefix + JSON.stringify(message) + '\n');
}
/** @param {unknown} e @returns {string} */
function messageOf(e) {
  try { return String(e && /** @type {{ message?: unknown }} */ (e).message !== undefined ? /** @type {{ message?: unknown }} */ (e).message : e); } catch (x) { return 'unknown error'; }
}

// --- what the context may call (through the adapter, with primitives only) ---------------------------------
const k = {
  /** @param {string} level @param {string} text */
  log: function (level, text) {
    const s = current;
    if (!s || s.final !== null) return;
    const line = text + '\n';
    const room = config.limits.maxLogChars - s.used;
    if (room <= 0) { s.dropped += line.length; return; }
    const kept = line.length <= room ? line : line.slice(0, room);
    s.dropped += line.length - kept.length;
    s.used += kept.length;
    send({ t: 'log', id: s.id, level: level, text: kept });
  },
  /** @param {string} json */
  final: function (json) {
    const s = current;
    if (s && s.final === null) s.final = json;
  },
  /** @param {string} name @param {string} args JSON array @returns {string} the call's id, '' when the step is over */
  toolStart: function (name, args) {
    const s = current;
    if (!s || s.final !== null) return '';
    const call = String(++toolSeq);
    s.tools.set(call, now());
    send({ t: 'tool_start', id: s.id, call: call, name: name, args: args });
    return call;
  },
  /** @param {string} call @param {string} result @param {string} error @param {string} injected */
  toolEnd: function (call, result, error, injected) {
    const s = current;
    const started = s ? s.tools.get(call) : undefined;
    if (!s || started === undefined) return;
    const ms = now() - started;
    s.tools.delete(call);
    /** @type {import('./kernel-protocol').ToolEndMessage} */
    const message = { t: 'tool_end', id: s.id, call: call, result: result, error: error, ms: ms };
    if (injected) message.injected = injected;
    send(message);
  },
  /** @param {string} name @param {string} call @param {string} args @param {Done} done */
  hostCall: function (name, call, args, done) {
    const s = current;
    if (!s || s.final !== null) return false;
    s.calls.set(call, done);
    send({ t: 'host_call', id: s.id, call: call, name: name, args: args });
    return true;
  },
  /** @param {string} request @param {Done} done */
  fetch: function (request, done) {
    const s = current;
    if (!s || s.final !== null) return false;
    const call = 'f' + (++fetchSeq);
    s.calls.set(call, done);
    send({ t: 'fetch', id: s.id, call: call, request: request });
    return true;
  },
  /** @param {number} id @param {number} ms */
  setTimer: function (id, ms) {
    const s = current;
    if (!s || s.final !== null) return;
    if (s.timers.has(id)) clearTimeout(s.timers.get(id));
    s.timers.set(id, setTimeout(function () { fire(s, id); }, Math.min(Math.max(0, ms || 0), 2147483647)));
  },
  /** @param {number} id */
  clearTimer: function (id) {
    const s = current;
    if (!s || !s.timers.has(id)) return;
    clearTimeout(s.timers.get(id));
    s.timers.delete(id);
  },
  /** @param {number} id @param {string} text */
  settled: function (id, text) {
    const s = current;
    if (!s || s.id !== id || s.text !== null) return;
    s.text = text;
    if (!syncDrain) setImmediate(function () { check(s); });
  },
  drained: function () { drained = true; },
  /** @param {string} spec @param {string} from */
  resolve: function (spec, from) { return JSON.stringify(resolveModule(spec, from)); },
  /** @param {string} file @returns {Function | string} the module's function, or why it could not be loaded */
  compile: function (file) {
    try {
      /** @type {import('vm').CompileFunctionOptions} */
      const options = { filename: file, parsingContext: session.context };
      if (IMPORT_GUARD) options.importModuleDynamically = guardImport;
      return vm.compileFunction(fs.readFileSync(file, 'utf8'), ['exports', 'require', 'module', '__filename', '__dirname'], options);
    } catch (e) {
      return 'could not load ' + file + ': ' + messageOf(e);
    }
  },
};
// Nothing the context calls may throw into it (an error of the kernel's realm would lead back to `process`).
/** @typedef {(a?: unknown, b?: unknown, c?: unknown, d?: unknown) => unknown} KernelFunction */
const kernelFunctions = /** @type {Record<string, KernelFunction>} */ (/** @type {unknown} */ (k));
for (const name of Object.keys(kernelFunctions)) {
  const f = /** @type {KernelFunction} */ (kernelFunctions[name]);
  kernelFunctions[name] = function (a, b, c, d) { try { return f(a, b, c, d); } catch (e) { return ''; } };
}

/**
 * The sandbox prelude's api (quickjs/prelude.ts), as the adapter uses it.
 * @typedef {object} PreludeApi
 * @property {(factory: unknown, toolNames: unknown, functionNames: unknown, hostTools: unknown, faults: unknown, signatures: unknown) => void} loadTools
 * @property {(e: unknown) => string} describeJson
 * @property {(promise: unknown) => Promise<string>} settle
 * @property {(name: string, argsJson: string) => Promise<string>} callRaw
 * @property {(id: unknown) => unknown} fireTimer
 * @property {() => number} endStep
 * @property {() => void} beginStep
 * @property {() => unknown} variables
 */
/** A module as require() keeps it. @typedef {{ exports: any }} CommonJsModule */
/** @typedef {Record<string, unknown> & { __esModule?: unknown, default?: unknown }} ModuleValue */

// --- the adapter: evaluated inside the context (this function's text, never the kernel's own function) ------
/**
 * @param {typeof k} k  the kernel's functions, each wrapped so that it never throws
 * @param {boolean} withRequire  give the session a require() for the allowed packages
 * @param {string} importMessage  the error an import() made at run time gets
 * @returns {Adapter}
 */
function contextAdapter(k, withRequire, importMessage) {
  'use strict';
  const S = String, E = Error, P = Promise, then = P.prototype.then, parse = JSON.parse, stringify = JSON.stringify;
  const keys = Object.keys, create = Object.create, define = Object.defineProperty;
  /** @type {PreludeApi} */
  let api = /** @type {never} */ (null);
  let op = '';
  /** @type {unknown} */ let x;
  /** @type {unknown} */ let y;
  /** @type {unknown} */ let z;
  /** @type {string | undefined} */ let nonce;
  Error.stackTraceLimit = 50;
  /**
   * Calls a kernel function; whatever goes wrong, '' comes back.
   * @param {Function} f @param {unknown} [a] @param {unknown} [b] @param {unknown} [c] @param {unknown} [d] @returns {any}
   */
  function kc(f, a, b, c, d) { try { return f(a, b, c, d); } catch (e) { return ''; } }
  /** @param {unknown} text @param {string} [name] */
  function failure(text, name) { const e = new E(S(text)); if (name) e.name = name; return e; }
  /** @param {(text: string) => void} resolve @param {(e: Error) => void} reject @returns {Done} */
  function settler(resolve, reject) { return function (ok, text) { if (ok) resolve(text); else reject(failure(text)); }; }
  const OVER = 'the step is over (final_answer was called, or the step was stopped)';
  // What the prelude calls (values from the context: every argument is made a primitive before the kernel sees it).
  const bridge = {
    /** @param {unknown} level @param {unknown} text */
    log: function (level, text) { kc(k.log, S(level), S(text)); },
    /** @param {unknown} json */
    final: function (json) { kc(k.final, S(json)); },
    /** @param {unknown} name @param {unknown} args */
    toolStart: function (name, args) { const id = S(kc(k.toolStart, S(name), S(args))); if (!id) throw failure(OVER); return id; },
    /** @param {unknown} id @param {unknown} result @param {unknown} error @param {unknown} [injected] */
    toolEnd: function (id, result, error, injected) { kc(k.toolEnd, S(id), S(result), S(error), S(injected || '')); },
    /** @param {unknown} name @param {unknown} id @param {unknown} json @returns {Promise<string>} */
    hostCall: function (name, id, json) {
      return new P(function (resolve, reject) { if (!kc(k.hostCall, S(name), S(id), S(json), settler(resolve, reject))) reject(failure(OVER)); });
    },
    /** @param {unknown} request @returns {Promise<string>} */
    fetch: function (request) {
      return new P(function (resolve, reject) { if (!kc(k.fetch, S(request), settler(resolve, reject))) reject(failure(OVER)); });
    },
    /** @param {number} id @param {number} ms */
    setTimer: function (id, ms) { kc(k.setTimer, +id, +ms); },
    /** @param {number} id */
    clearTimer: function (id) { kc(k.clearTimer, +id); },
  };
  function unreadable() { return stringify({ ok: false, error: { type: 'Error', message: 'the result could not be read', stack: '' } }); }
  /** @param {unknown} id @param {unknown} text */
  function report(id, text) { kc(k.settled, id, S(text)); }
  /** @param {Promise<string>} promise @param {unknown} id */
  function watch(promise, id) { then.call(promise, function (t) { report(id, t); }, function () { report(id, unreadable()); }); }
  /** The operations the kernel prepares (name and arguments) and then runs through enter(). @type {Record<string, Function>} */
  const ops = {
    /** @param {(bridge: object, limits: unknown) => PreludeApi} prelude @param {string} limitsJson */
    init: function (prelude, limitsJson) { api = prelude(bridge, parse(limitsJson)); return ''; },
    /** @param {unknown} factory @param {string} listsJson */
    load: function (factory, listsJson) {
      try { const l = parse(listsJson); api.loadTools(factory, l[0], l[1], l[2], l[3], l[4]); return ''; } catch (e) { return S(api.describeJson(e)); }
    },
    /** @param {unknown} id @param {unknown} unused @param {unknown} unused2 @param {unknown} promise */
    settle: function (id, unused, unused2, promise) { try { watch(api.settle(promise), id); } catch (e) { report(id, unreadable()); } },
    /** @param {string} name @param {string} argsJson @param {unknown} id */
    call: function (name, argsJson, id) { try { watch(api.callRaw(name, argsJson), id); } catch (e) { report(id, unreadable()); } },
    /** @param {unknown} id */
    fire: function (id) { return S(api.fireTimer(id)); },
    /** @param {Done} done @param {boolean} ok @param {string} text */
    resolve: function (done, ok, text) { done(ok, text); },
    end: function () { return +api.endStep(); },
    vars: function () { return S(api.variables()); },
    probe: function () { then.call(P.resolve(), function () { kc(k.drained); }); },
    noop: function () {},
  };
  // The one way into the session. A snippet calls it with its own promise and the step's nonce (the snippet's code
  // runs before that call, so the op waiting for it must not be taken by the snippet itself).
  /** @param {unknown} [promise] @param {string} [key] */
  function enter(promise, key) {
    if (op === 'settle' && key !== nonce) return undefined;
    const f = op, a = x, b = y, c = z;
    op = ''; x = y = z = nonce = undefined;
    if (!f) return undefined;
    try { return /** @type {Function} */ (ops[f])(a, b, c, promise); } catch (e) { return '!'; }
  }
  define(globalThis, '__agk_enter', { value: enter });

  // require() for the allowed packages: CommonJS, evaluated in this context, resolved by the kernel.
  /** @type {Record<string, CommonJsModule>} */
  const cache = create(null);
  /** @param {any} m a module's exports @returns {ModuleValue} */
  function namespace(m) {
    if (m && m.__esModule) return m;
    const ns = create(null);
    if (m !== null && (typeof m === 'object' || typeof m === 'function')) { const ks = keys(m); for (let i = 0; i < ks.length; i++) ns[ks[i]] = m[ks[i]]; }
    ns.default = m;
    return ns;
  }
  /** @param {string} from the requiring file ('' for the model's code) */
  function makeRequire(from) {
    /** @param {unknown} spec @returns {any} */
    const req = function require(spec) {
      const found = parse(S(kc(k.resolve, S(spec), from) || '{"error":"the module could not be resolved"}'));
      if (found.error !== undefined) throw failure(found.error, 'ImportError');
      const file = S(found.file);
      const cached = cache[file];
      if (cached) return cached.exports;
      /** @type {CommonJsModule} */
      const module = { exports: {} };
      cache[file] = module;
      try {
        if (found.json !== undefined) module.exports = parse(found.json);
        else {
          const fn = kc(k.compile, file);
          if (typeof fn !== 'function') throw failure(fn || 'could not load ' + file, 'ImportError');
          fn.call(module.exports, module.exports, makeRequire(file), module, file, S(found.dir));
        }
      } catch (e) {
        delete cache[file];
        throw e;
      }
      return module.exports;
    };
    /** @param {unknown} spec */
    req.default = function (spec) { const m = req(spec); return m && m.__esModule ? m.default : m; };
    /** @param {unknown} spec */
    req.namespace = function (spec) { return namespace(req(spec)); };
    /** @param {unknown} spec */
    req.import = function (spec) { return new P(function (resolve) { resolve(namespace(req(spec))); }); };
    return req;
  }
  if (withRequire) define(globalThis, 'require', { value: makeRequire(''), writable: true, configurable: true });

  return {
    /** @param {string} name @param {unknown} [a] @param {unknown} [b] @param {unknown} [c] @param {string} [key] */
    prepare: function (name, a, b, c, key) { op = name; x = a; y = b; z = c; nonce = key; },
    begin: function () { if (api) api.beginStep(); },
    /** @param {string} spec */
    importError: function (spec) { return failure(importMessage + ' (import of ' + S(spec) + ')', 'ImportError'); },
  };
}

// --- packages ------------------------------------------------------------------------------------------------
function allowedList() {
  const list = config.packages || [];
  return list.length ? 'the packages you may import are: ' + list.join(', ') : 'no packages are allowed in this playground';
}
/** @param {string} p */
function isFile(p) { try { return fs.statSync(p).isFile(); } catch (e) { return false; } }
/** @param {string} p @returns {any} a package.json's content, or null */
function readJson(p) { try { return JSON.parse(fs.readFileSync(p, 'utf8')); } catch (e) { return null; } }
/** @param {string} dir @param {string} p */
function inside(dir, p) { const rel = path.relative(dir, p); return rel === '' || (rel.slice(0, 2) !== '..' && !path.isAbsolute(rel)); }
/** A package's entry for require() from its `exports` field. @param {unknown} target @returns {string | null} */
function pickExport(target) {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) { for (const t of target) { const r = pickExport(t); if (r) return r; } return null; }
  if (target && typeof target === 'object') {
    for (const key of ['require', 'node', 'default']) if (key in target) { const r = pickExport(/** @type {Record<string, unknown>} */ (target)[key]); if (r) return r; }
  }
  return null;
}
/** @param {string} p @returns {string | null} */
function resolveFile(p) {
  for (const candidate of [p, p + '.js', p + '.cjs', p + '.json']) if (isFile(candidate)) return candidate;
  const pkg = readJson(path.join(p, 'package.json'));
  if (pkg && typeof pkg.main === 'string') { const main = resolveFile(path.join(p, pkg.main)); if (main) return main; }
  for (const index of ['index.js', 'index.cjs', 'index.json']) if (isFile(path.join(p, index))) return path.join(p, index);
  return null;
}
/** @param {string} file */
function packageRoot(file) {
  let dir = path.dirname(file);
  while (inside(MODULES_DIR, dir) && dir !== MODULES_DIR) {
    if (isFile(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return null;
}
/**
 * Where require(spec) from the file `from` ('' for the model's code) leads, or why it may not.
 * @param {string} spec @param {string} from
 * @returns {{ error: string } | { file: string, json: string } | { file: string, dir: string }}
 */
function resolveModule(spec, from) {
  const bare = spec.replace(/^node:/, '');
  if (spec.indexOf('node:') === 0 || BUILTINS.indexOf(bare.split('/')[0]) >= 0) {
    return { error: from
      ? 'a package needs Node\'s built-in module \'' + bare + '\', which the sandbox does not provide'
      : 'Node\'s built-in module \'' + bare + '\' is not available in the sandbox; ' + allowedList() };
  }
  let file;
  if (spec[0] === '.' || spec[0] === '/') {
    if (!from) return { error: 'only packages can be imported, not files (' + spec + '); ' + allowedList() };
    const target = path.resolve(path.dirname(from), spec);
    if (!inside(MODULES_DIR, target)) return { error: 'a package may only load files inside the packages folder, not ' + spec };
    file = resolveFile(target);
    if (!file) return { error: 'cannot find ' + spec + ' (required from ' + from + ')' };
  } else {
    const m = /^((?:@[^/]+\/)?[^/]+)(\/.*)?$/.exec(spec);
    if (!m) return { error: 'not a package name: ' + spec };
    const name = m[1];
    if (!from && (config.packages || []).indexOf(name) < 0) return { error: 'package \'' + name + '\' is not available: ' + allowedList() };
    // Look in node_modules folders from the requiring package up to the packages folder, then in the packages folder.
    const roots = [];
    for (let dir = from ? path.dirname(from) : MODULES_DIR; inside(MODULES_DIR, dir); dir = path.dirname(dir)) {
      roots.push(path.basename(dir) === 'node_modules' ? dir : path.join(dir, 'node_modules'));
      if (dir === MODULES_DIR) break;
    }
    roots.push(MODULES_DIR);
    let dir = null;
    for (const root of roots) if (fs.existsSync(path.join(root, name))) { dir = path.join(root, name); break; }
    if (!dir) return { error: 'package \'' + name + '\' is allowed but not installed (looked in ' + MODULES_DIR + ')' };
    if (m[2]) file = resolveFile(path.join(dir, m[2]));
    else {
      const pkg = readJson(path.join(dir, 'package.json')) || {};
      const entry = pkg.exports !== undefined ? pickExport(typeof pkg.exports === 'object' && !Array.isArray(pkg.exports) && '.' in pkg.exports ? pkg.exports['.'] : pkg.exports) : null;
      file = entry ? resolveFile(path.join(dir, entry)) : resolveFile(dir);
    }
    if (!file) return { error: 'package \'' + name + '\' has no entry point the sandbox can load' };
  }
  if (/\.json$/.test(file)) return { file: file, json: fs.readFileSync(file, 'utf8') };
  const root = packageRoot(file);
  const pkg = root ? readJson(path.join(root, 'package.json')) : null;
  if (/\.mjs$/.test(file) || (pkg && pkg.type === 'module' && !/\.cjs$/.test(file))) {
    return { error: '\'' + spec + '\' is an ES module; the sandbox loads CommonJS packages only' };
  }
  return { file: file, dir: path.dirname(file) };
}

// --- the session ---------------------------------------------------------------------------------------------
/** @param {unknown} specifier @returns {never} */
function guardImport(specifier) {
  const s = current;
  if (s) {
    // The rejection reaches the context's job queue after this returns: run the queue once more, then look again.
    s.imports++;
    setImmediate(function () { s.imports--; if (current === s) after(s, enter(budgetOf(s), 'noop')); });
  }
  throw session.adapter.importError(String(specifier));
}
/** @param {string} filename @returns {import('vm').ScriptOptions} */
function scriptOptions(filename) {
  return IMPORT_GUARD ? { filename: filename, importModuleDynamically: guardImport } : { filename: filename };
}
/**
 * Runs a script in the session. budget: milliseconds, or null for the kernel's own bookkeeping, which runs no
 * code of the model's. A run of the model's code is bounded by a vm timeout (a watchdog thread and event loop per
 * call, 0.2–2 ms), or, when the host can send SIGINT (init.interrupt 'signal'), by breakOnSigint (~0.05 ms).
 */
/** @param {import('vm').Script} script @param {number | null} budget @param {boolean} [withTimeout] @returns {Outcome} */
function run(script, budget, withTimeout) {
  if (budget !== null && budget <= 0) return TIMED_OUT;
  /** @type {import('vm').RunningScriptOptions} */
  let options = {};
  if (budget !== null && config.kernelDeadline !== false) {
    options = config.interrupt === 'signal' && !withTimeout ? { breakOnSigint: true } : { timeout: Math.ceil(budget) };
  }
  try {
    return script.runInContext(session.context, options);
  } catch (e) {
    /** @type {unknown} */
    let code = '';
    try { code = e && /** @type {{ code?: unknown }} */ (e).code; } catch (x) { /* a value from the context */ }
    if (code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return TIMED_OUT;
    if (code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED') return INTERRUPTED;
    return new Failure(messageOf(e));
  }
}
/** @param {Step} s */
function budgetOf(s) { return s.deadline - now(); }
/**
 * Runs one of the adapter's operations in the session.
 * @param {number | null} budget @param {string} name @param {unknown} [a] @param {unknown} [b] @param {unknown} [c]
 * @param {boolean} [withTimeout] @returns {Outcome}
 */
function enter(budget, name, a, b, c, withTimeout) {
  session.adapter.prepare(name, a, b, c);
  return run(session.runner, budget, withTimeout);
}

function openSession() {
  /** @type {import('vm').CreateContextOptions} */
  const options = { name: 'agent session', codeGeneration: { strings: true, wasm: false }, microtaskMode: 'afterEvaluate' };
  if (IMPORT_GUARD) options.importModuleDynamically = guardImport;
  // DONT_CONTEXTIFY (Node 20.18+/22.8+) gives the context an ordinary global object of its own: fast, and with no
  // object of the kernel's realm behind it. Older Node: a null-prototype object, so no kernel prototype shows.
  const globalObject = vm.constants && vm.constants.DONT_CONTEXTIFY ? vm.constants.DONT_CONTEXTIFY : Object.create(null);
  const context = vm.createContext(globalObject, options);
  const packages = config.packages || [];
  const importMessage = packages.length
    ? 'import() of code made at run time is not available; use require(name) or a static import; ' + allowedList()
    : 'imports are not available in this sandbox: use the tools and plain JavaScript (no modules, no require, no import())';
  const factory = vm.runInContext('(' + contextAdapter.toString() + ')', context, { filename: 'kernel-adapter.js' });
  session = { context: context, adapter: factory(k, packages.length > 0, importMessage), runner: new vm.Script('__agk_enter()', { filename: 'kernel-enter.js' }) };
  const prelude = vm.runInContext(config.prelude, context, { filename: 'prelude.js' });
  session.adapter.prepare('init', prelude, JSON.stringify({ maxLogChars: config.limits.maxLogChars, maxObservationChars: config.limits.maxObservationChars }));
  if (run(session.runner, null) !== '') throw new Error('the sandbox prelude failed to start');
  drained = false;
  enter(null, 'probe');
  syncDrain = drained;
  loadTools();
}

function loadTools() {
  const names = (config.functionNames || []).filter(function (n) { return /^[A-Za-z_$][\w$]*$/.test(n); });
  const capture = names.map(function (n) { return n + ': typeof ' + n + " === 'function' ? " + n + ' : undefined'; }).join(', ');
  const source = '(function (exports, fetch) {\n' + config.toolsJs + '\n;return { ' + capture + ' };\n})';
  const s = begin(0);
  let outcome;
  try {
    const factory = run(new vm.Script(source, scriptOptions('tools.js')), null);
    outcome = factory instanceof Failure ? factory
      : enter(budgetOf(s), 'load', factory, JSON.stringify([config.toolNames || [], names, config.hostTools || [], config.faults || {}, config.toolSignatures || {}]), true);
  } catch (e) {
    outcome = new Failure(messageOf(e)); // a syntax error in the tools
  }
  close(s, outcome === TIMED_OUT);
  if (outcome === TIMED_OUT) throw new Error('the tools failed to load: their top-level code took longer than ' + config.limits.timeoutMs / 1000 + ' s');
  if (outcome instanceof Failure) throw new Error('the tools failed to load: ' + outcome.message);
  if (typeof outcome === 'string' && outcome !== '') {
    let text = outcome;
    try { const d = JSON.parse(outcome); text = d.type + ': ' + d.message; } catch (e) { /* keep the raw text */ }
    throw new Error('the tools failed to load: ' + text);
  }
}

// --- steps ---------------------------------------------------------------------------------------------------
/** @param {number} id @returns {Step} */
function begin(id) {
  if (current) finish(current, 'abort');
  /** @type {Step} */
  const s = {
    id: id, deadline: now() + config.limits.timeoutMs, timers: new Map(), calls: new Map(), tools: new Map(), imports: 0,
    text: null, final: null, syntax: null, timerError: null, used: 0, dropped: 0, deadlineTimer: null, paused: 0, pausedAt: 0,
  };
  armDeadline(s);
  current = s;
  session.adapter.begin();
  return s;
}

/** @param {Step} s */
function armDeadline(s) {
  if (config.kernelDeadline === false) return;
  s.deadlineTimer = setTimeout(function () { finish(s, 'timeout'); }, Math.max(0, budgetOf(s)));
}
/** The code waits for a person (user_input): the step's time stands still until the matching resume. */
/** @param {Step} s */
function pauseDeadline(s) {
  if (s.paused++ > 0) return;
  s.pausedAt = now();
  clearTimeout(s.deadlineTimer || undefined);
  s.deadlineTimer = null;
}
/** @param {Step} s */
function resumeDeadline(s) {
  if (s.paused === 0 || --s.paused > 0) return;
  s.deadline += now() - s.pausedAt;
  armDeadline(s);
}

/** Looks at a step after the context ran: done, stopped, or waiting on nothing at all. */
/** @param {Step} s @param {Outcome} outcome */
function after(s, outcome) {
  if (current !== s) return;
  if (outcome === TIMED_OUT) return finish(s, 'timeout');
  // The host interrupts at its deadline or on Stop; it knows which.
  if (outcome === INTERRUPTED) return finish(s, 'interrupted');
  if (outcome instanceof Failure) { s.syntax = { type: 'Error', message: outcome.message, stack: '' }; return finish(s, null); }
  if (syncDrain) check(s);
  else setImmediate(function () { check(s); });
}
/** @param {Step} s */
function check(s) {
  if (current !== s) return;
  if (s.final !== null || s.text !== null) return finish(s, null);
  if (s.timers.size === 0 && s.calls.size === 0 && s.imports === 0) finish(s, 'deadlock');
}

/**
 * Ends a step's activity: its timers and host calls are dropped, so nothing of it runs later. After an interrupted
 * run, promise jobs may be left that never end: a session that can't run nothing within a short time is replaced.
 */
/**
 * @param {Step} s @param {boolean} interrupted
 * @returns {{ cancelled: number, stateLost: boolean, variables: string | null }}
 */
function close(s, interrupted) {
  if (current === s) current = null;
  clearTimeout(s.deadlineTimer || undefined);
  s.timers.forEach(function (h) { clearTimeout(h); });
  s.timers.clear();
  s.calls.clear();
  if (interrupted && probe() !== undefined) return { cancelled: 0, stateLost: true, variables: null };
  const cancelled = enter(null, 'end');
  if (typeof cancelled !== 'number' || cancelled !== cancelled) return { cancelled: 0, stateLost: true, variables: null };
  // The session's variables, read by the prelude without running any of the model's code.
  const variables = config.reportVariables === false ? null : enter(null, 'vars');
  return { cancelled: cancelled, stateLost: false, variables: typeof variables === 'string' ? variables : null };
}
/** Runs nothing in the session, with a short timeout: anything but undefined means leftover work kept it busy. */
function probe() {
  session.adapter.prepare('noop');
  try {
    return session.runner.runInContext(session.context, config.kernelDeadline === false ? {} : { timeout: IDLE_BUDGET_MS });
  } catch (e) {
    return TIMED_OUT;
  }
}
/** @param {Step} s @param {Stop} stop */
function finish(s, stop) {
  if (current !== s) return;
  const closed = close(s, stop !== null && stop !== 'deadlock');
  send({
    t: 'done', id: s.id, stop: stop, text: s.text, final: s.final, syntax: s.syntax, timerError: s.timerError,
    cancelled: closed.cancelled, dropped: s.dropped, stateLost: closed.stateLost, variables: closed.variables,
  });
  if (closed.stateLost) {
    try { openSession(); } catch (e) { send({ t: 'fatal', message: messageOf(e) }); process.exit(70); }
  }
}

/** @param {Step} s @param {number} id */
function fire(s, id) {
  if (current !== s) return;
  s.timers.delete(id);
  const outcome = enter(budgetOf(s), 'fire', id);
  if (typeof outcome === 'string' && outcome !== '' && outcome !== '!' && s.timerError === null) s.timerError = outcome;
  after(s, outcome);
}

/** @param {import('./kernel-protocol').ExecMessage} msg */
function exec(msg) {
  const s = begin(msg.id);
  // One evaluation runs the snippet and hands its promise to the adapter (same line numbers: only line 1 grows).
  const nonce = String(Math.random()).slice(2);
  let script;
  try {
    script = new vm.Script('__agk_enter(' + String(msg.code) + '\n, "' + nonce + '")', scriptOptions('snippet.js'));
  } catch (e) {
    const error = /** @type {{ name?: unknown, stack?: unknown } | null | undefined} */ (e);
    s.syntax = { type: error && error.name ? String(error.name) : 'SyntaxError', message: messageOf(e), stack: String(error && error.stack) };
    return finish(s, null);
  }
  session.adapter.prepare('settle', s.id, undefined, undefined, nonce);
  after(s, run(script, budgetOf(s)));
}

/** @param {import('./kernel-protocol').CallMessage} msg */
function callFunction(msg) {
  const s = begin(msg.id);
  after(s, enter(budgetOf(s), 'call', String(msg.name), String(msg.args), s.id));
}

/** @param {import('./kernel-protocol').ResultMessage} msg */
function hostResult(msg) {
  const s = current;
  if (!s || s.id !== msg.id || !s.calls.has(msg.call)) return;
  const done = s.calls.get(msg.call);
  s.calls.delete(msg.call);
  after(s, enter(budgetOf(s), 'resolve', done, !!msg.ok, String(msg.ok ? msg.value : msg.error)));
}

/** @param {import('./kernel-protocol').InitMessage} msg */
function init(msg) {
  if (config || !/^[A-Za-z0-9_-]{8,100}$/.test(String(msg.token))) return;
  config = msg;
  prefix = '#agk1:' + msg.token + '#';
  try {
    openSession();
    send({ t: 'ready', node: process.version, importGuard: IMPORT_GUARD, syncDrain: syncDrain });
  } catch (e) {
    send({ t: 'init_error', message: messageOf(e) });
  }
}

// --- input ---------------------------------------------------------------------------------------------------
/** @param {HostMessage} msg a parsed line: any JSON value, checked here */
function handle(msg) {
  if (!msg || typeof msg !== 'object') return;
  if (msg.t === 'init') return init(msg);
  if (msg.t === 'file') return readMessageFile(String(msg.path));
  if (!config || !session) return;
  switch (msg.t) {
    case 'exec': return exec(msg);
    case 'call': return callFunction(msg);
    case 'result': return hostResult(msg);
    case 'abort': if (current && current.id === msg.id) finish(current, 'abort'); return;
    case 'pause': if (current && current.id === msg.id) pauseDeadline(current); return;
    case 'resume': if (current && current.id === msg.id) resumeDeadline(current); return;
  }
}
/** @param {string} line */
function handleLine(line) {
  const at = line.indexOf('{');
  if (at < 0) return;
  let msg;
  try { msg = JSON.parse(line.slice(at)); } catch (e) { return; }
  handle(msg);
}
/** Messages written to a file (transports whose input has a line limit); the file is removed once read. */
/** @param {string} file */
function readMessageFile(file) {
  let text;
  try { text = fs.readFileSync(file, 'utf8'); fs.unlinkSync(file); } catch (e) { return; }
  text.split('\n').forEach(handleLine);
}

/** @type {string[]} */
let parts = [];
process.stdin.setEncoding('utf8');
process.stdin.on('data', /** @param {string} chunk (setEncoding above) */ function (chunk) {
  let start = 0;
  let nl;
  while ((nl = chunk.indexOf('\n', start)) >= 0) {
    parts.push(chunk.slice(start, nl));
    const line = parts.join('');
    parts = [];
    start = nl + 1;
    handleLine(line);
  }
  if (start < chunk.length) parts.push(chunk.slice(start));
});
process.stdin.on('end', function () { process.exit(0); });
