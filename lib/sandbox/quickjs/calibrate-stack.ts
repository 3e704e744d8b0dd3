// QuickJS's stack limit, sized to the host's own stack on this thread. QuickJS counts only the stack the WebAssembly
// program keeps in linear memory, but every QuickJS call also takes host (V8) frames, and some paths take far more host
// stack per QuickJS byte than others. If the host stack ends first, V8's RangeError tears through the interpreter and
// the session is lost; with the limit below the host's end for every shape, QuickJS throws its own catchable
// RangeError and the session lives on.
//
// Measured with the release build (quickjs-emscripten 0.32), QuickJS stack bytes in use when V8's stack ran out, over
// 46 recursion shapes (plain calls, call/apply/bind, array callbacks, getters, setters, proxies, sort comparators,
// toString/valueOf/Symbol.toPrimitive, template literals, JSON replacers and revivers, constructors, async functions,
// generators, eval), cold and after warm-up:
//   Chromium 156 dedicated worker (V8 stack ~500 KiB, 6,365 plain JS frames): worst 131 KiB (a template literal calling
//     toString), plain recursion 180–247 KiB (958–1,317 frames, fewer once the wasm is optimised).
//   Node 22.23 main thread (12,528 plain JS frames): worst 297 KiB (generators), plain recursion 460 KiB (2,450 frames).
// The worst case measured is 21–24 QuickJS bytes per plain JS frame the host has left, but 17 still let V8's stack end
// first in 2 of 6 browser runs once the WebAssembly had been optimised (larger frames than measured cold); 12 held.

/** QuickJS stack bytes allowed per plain JavaScript frame the host stack has left (release build). */
export const RELEASE_BYTES_PER_HOST_FRAME = 12;

/** Plain JavaScript frames left on the host stack from here (a RangeError caught in JavaScript harms nothing). */
function probeHostStack(): number {
  let n = 0;
  const down = (): void => {
    n++;
    down();
  };
  try {
    down();
  } catch {
    // the end of the host stack
  }
  return n;
}

let hostFrames: number | undefined;

/**
 * Plain JavaScript frames the host stack holds on this thread, measured once. The smallest of three probes: once the
 * engine optimises the probe its frames shrink (a worker read 6,365, then 9,093), and the unoptimised size is the one
 * that matches the interpreter's frames.
 */
export function hostStackFrames(): number {
  hostFrames ??= Math.min(probeHostStack(), probeHostStack(), probeHostStack());
  return hostFrames;
}

/** The stack limit to give QuickJS: the budget, or less where the host's stack would end first. */
export function calibratedStackBytes(budgetBytes: number, bytesPerHostFrame: number = RELEASE_BYTES_PER_HOST_FRAME, frames: number = hostStackFrames()): number {
  return Math.max(0, Math.min(budgetBytes, Math.floor(frames * bytesPerHostFrame)));
}
