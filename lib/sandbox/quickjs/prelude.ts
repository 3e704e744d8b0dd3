// JavaScript that runs inside the sandbox once per session. It is the only code that touches the model's values:
// it turns them into strings (under the step's deadline) before anything crosses to the host, and it keeps the
// raw bridge functions in a closure the model's code cannot reach.
//
// Evaluated as an expression: a function taking the bridge (host functions) and the limits, returning the
// internal API the host keeps handles to.
import { CALLS_PRELUDE } from '../calls-prelude';
import { FAULTS_PRELUDE } from '../faults-prelude';
import { VARIABLES_PRELUDE } from '../variables-prelude';

export const PRELUDE = String.raw`(function (bridge, limits) {
  'use strict';
${VARIABLES_PRELUDE}
${FAULTS_PRELUDE}
${CALLS_PRELUDE}
  const hostLog = bridge.log, hostFinal = bridge.final, toolStart = bridge.toolStart, toolEnd = bridge.toolEnd;
  const hostCall = bridge.hostCall, hostFetch = bridge.fetch, setHostTimer = bridge.setTimer, clearHostTimer = bridge.clearTimer;
  const stringify = JSON.stringify, parseJson = JSON.parse, keysOf = Object.keys, isArray = Array.isArray;
  const FINAL = { toString() { return 'final_answer was called'; } };
  // QuickJS reports a stack overflow as an InternalError; V8 (and the docs) call it a RangeError, so code that
  // guards deep recursion with \`e instanceof RangeError\` works here too.
  if (typeof InternalError === 'function') Object.setPrototypeOf(InternalError.prototype, RangeError.prototype);
  let finalCalled = false;

  // --- values → JSON-safe data, bounded ------------------------------------------------------------
  function safe(value, budget) {
    const seen = [];
    let left = budget;
    const str = (s) => {
      if (s.length > left) { const cut = s.slice(0, Math.max(0, left)); left = 0; return cut + '… [' + (s.length - cut.length) + ' more characters]'; }
      left -= s.length; return s;
    };
    function walk(v, depth) {
      if (left <= 0) return '[…]';
      switch (typeof v) {
        case 'string': return str(v);
        case 'number': return Number.isFinite(v) ? v : String(v);
        case 'boolean': return v;
        case 'undefined': return null;
        case 'bigint': return str(String(v) + 'n');
        case 'symbol': try { return str(v.toString()); } catch (e) { return '[Symbol]'; }
        case 'function': { let n = ''; try { n = String(v.name || ''); } catch (e) {} return '[Function' + (n ? ' ' + n.slice(0, 100) : '') + ']'; }
      }
      if (v === null) return null;
      if (seen.indexOf(v) >= 0) return '[Circular]';
      if (depth > 20) return '[Object]';
      seen.push(v);
      try {
        if (isArray(v)) {
          const out = [];
          const n = Math.min(v.length, 1000);
          for (let i = 0; i < n && left > 0; i++) { let item; try { item = v[i]; } catch (e) { item = '[Error reading item]'; } out.push(walk(item, depth + 1)); left -= 2; }
          if (v.length > n) out.push('… ' + (v.length - n) + ' more items');
          return out;
        }
        if (v instanceof Error) return str((v.name || 'Error') + ': ' + v.message);
        if (v instanceof Date) { try { return v.toISOString(); } catch (e) { return 'Invalid Date'; } }
        if (v instanceof Map) { const out = []; for (const [k, x] of v) { if (out.length >= 1000 || left <= 0) break; out.push([walk(k, depth + 1), walk(x, depth + 1)]); } return { '[Map]': out }; }
        if (v instanceof Set) { const out = []; for (const x of v) { if (out.length >= 1000 || left <= 0) break; out.push(walk(x, depth + 1)); } return { '[Set]': out }; }
        const out = {};
        let keys;
        try { keys = keysOf(v); } catch (e) { return '[Object: its keys could not be read]'; }
        const n = Math.min(keys.length, 1000);
        for (let i = 0; i < n && left > 0; i++) {
          const k = String(keys[i]);
          let item;
          try { item = v[k]; } catch (e) { item = '[Getter threw: ' + errorMessage(e) + ']'; }
          out[str(k)] = walk(item, depth + 1);
        }
        if (keys.length > n) out['…'] = (keys.length - n) + ' more keys';
        return out;
      } finally {
        seen.pop();
      }
    }
    return walk(value, 0);
  }
  const toJson = (value, budget) => stringify(safe(value, budget));

  function errorMessage(e) {
    try {
      if (e && typeof e === 'object' && 'message' in e) return String(e.message).slice(0, 2000);
      return String(e).slice(0, 2000);
    } catch (x) { return '(the thrown value could not be read)'; }
  }
  function describe(e) {
    let type = 'Error', message, stack = '';
    try { if (e && typeof e === 'object' && e.name) type = String(e.name).slice(0, 100); else if (typeof e !== 'object') type = 'Error'; } catch (x) {}
    message = errorMessage(e);
    try { if (e && typeof e === 'object' && typeof e.stack === 'string') stack = e.stack.slice(0, 4000); } catch (x) {}
    return { type, message, stack, final: e === FINAL };
  }

  // --- readable printing, Node-like -------------------------------------------------------------------
  const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
  function show(d, nested) {
    if (typeof d === 'string') return nested ? "'" + d.replace(/'/g, "\\'") + "'" : d;
    if (d === null || typeof d !== 'object') return String(d);
    if (isArray(d)) return d.length ? '[ ' + d.map((x) => show(x, true)).join(', ') + ' ]' : '[]';
    const ks = keysOf(d);
    if (!ks.length) return '{}';
    return '{ ' + ks.map((k) => (IDENT.test(k) ? k : "'" + k + "'") + ': ' + show(d[k], true)).join(', ') + ' }';
  }
  const inspect = (v, budget) => (typeof v === 'string' ? (v.length > budget ? v.slice(0, budget) + '… [' + (v.length - budget) + ' more characters]' : v) : show(safe(v, budget), false));

  const print = (level) => function () {
    if (finalCalled) return;
    const parts = [];
    for (let i = 0; i < arguments.length; i++) parts.push(inspect(arguments[i], limits.maxLogChars));
    let line = parts.join(' ');
    if (line.length > limits.maxLogChars) line = line.slice(0, limits.maxLogChars);
    hostLog(level, line);
  };
  globalThis.console = { log: print('log'), info: print('info'), warn: print('warn'), error: print('error'), debug: print('log') };

  globalThis.final_answer = function final_answer(answer) {
    if (!finalCalled) { hostFinal(toJson(answer, 1000000)); finalCalled = true; }
    throw FINAL;
  };

  // --- timers: live only while the step runs ------------------------------------------------------------
  const timers = new Map();
  let nextTimer = 1;
  function addTimer(fn, ms, args, repeat) {
    const id = nextTimer++;
    const delay = Math.max(0, Number(ms) || 0);
    timers.set(id, { fn, args, repeat, delay });
    setHostTimer(id, delay);
    return id;
  }
  globalThis.setTimeout = (fn, ms, ...args) => addTimer(fn, ms, args, false);
  globalThis.setInterval = (fn, ms, ...args) => addTimer(fn, ms, args, true);
  globalThis.clearTimeout = globalThis.clearInterval = (id) => { if (timers.delete(id)) clearHostTimer(id); };
  function fireTimer(id) {
    const t = timers.get(id);
    if (!t) return '';
    if (t.repeat) setHostTimer(id, t.delay); else timers.delete(id);
    try { if (typeof t.fn === 'function') t.fn.apply(undefined, t.args); return ''; }
    catch (e) { return stringify(describe(e)); }
  }
  function endStep() { const n = timers.size; timers.clear(); return n; }

  // --- tools -------------------------------------------------------------------------------------------
  const raw = {};
  function toolError(name, e, callSite) {
    const err = new Error(name + ' failed: ' + errorMessage(e));
    err.name = 'ToolError';
    // The stack of the call, so the error points at the snippet's line that called the tool.
    if (callSite) Object.defineProperty(err, 'stack', { value: callSite });
    return err;
  }
  // A sync tool that is slow blocks, as a slow sync tool would (the step's deadline still holds).
  function blockFor(ms) { const until = Date.now() + ms; while (Date.now() < until) {} }
  function later(ms) { return new Promise(function (resolve) { addTimer(resolve, ms, [], false); }); }
  function wrapTool(name, fn) {
    const tool = function () {
      const call = C.prepare(name, Array.prototype.slice.call(arguments));
      const args = call.args;
      const id = toolStart(name, toJson(args, 100000));
      const callSite = new Error().stack;
      if (call.problems.length) {
        // A call that does not fit the signature never reaches the tool (nor its faults): the model reads why.
        const m = C.message(name, call.problems);
        toolEnd(id, '', m, '');
        const err = new TypeError(m);
        Object.defineProperty(err, 'stack', { value: callSite });
        if (C.isAsync(name)) return Promise.reject(err);
        throw err;
      }
      const d = F.next(name);
      const marks = d && d.faults.length ? stringify(d.faults) : '';
      const kind = (k) => (d ? d.faults.find((f) => f.kind === k) : undefined);
      const fail = kind('fail'), slow = kind('slow'), junk = kind('junk'), inject = kind('inject');
      const ok = (v) => { const out = inject ? F.inject(v, inject.text) : v; toolEnd(id, toJson(out, 100000), '', marks); return out; };
      const bad = (e) => { toolEnd(id, '', errorMessage(e), marks); return toolError(name, e, callSite); };
      if (d && d.async) {
        const run = () => (fail ? Promise.reject(new Error(fail.message)) : junk ? F.junkValue(d.junk) : fn.apply(undefined, args));
        const delayed = slow ? later(slow.delayMs).then(run) : Promise.resolve().then(run);
        return delayed.then(ok, (e) => { if (e === FINAL) throw e; throw bad(e); });
      }
      let result;
      try {
        if (slow) blockFor(slow.delayMs);
        if (fail) throw new Error(fail.message);
        result = junk ? F.junkValue(d.junk) : fn.apply(undefined, args);
      }
      catch (e) { if (e === FINAL) throw e; throw bad(e); }
      if (result && typeof result.then === 'function') {
        return Promise.resolve(result).then(ok, (e) => { throw bad(e); });
      }
      return ok(result);
    };
    Object.defineProperty(tool, 'name', { value: name });
    return tool;
  }
  function hostTool(name) {
    return function () {
      const args = Array.prototype.slice.call(arguments);
      const json = toJson(args, 1000000);
      const id = toolStart(name, json);
      const callSite = new Error().stack;
      return hostCall(name, id, json).then(
        (text) => { toolEnd(id, text, ''); return parseJson(text); },
        (e) => { const m = errorMessage(e); toolEnd(id, '', m); throw toolError(name, e, callSite); });
    };
  }
  function toolFetch(url, init) {
    let request;
    try { request = stringify({ url: String(url), method: init && init.method ? String(init.method) : 'GET', headers: init && init.headers ? safe(init.headers, 100000) : {}, body: init && init.body != null ? String(init.body) : undefined }); }
    catch (e) { return Promise.reject(new TypeError('fetch: ' + errorMessage(e))); }
    return hostFetch(request).then((text) => {
      const r = parseJson(text);
      const headers = r.headers;
      return {
        ok: r.status >= 200 && r.status < 300, status: r.status, statusText: r.statusText, url: r.url,
        headers: { get: (k) => headers[String(k).toLowerCase()] ?? null, has: (k) => String(k).toLowerCase() in headers },
        text: () => Promise.resolve(r.body),
        json: () => Promise.resolve().then(() => parseJson(r.body)),
      };
    });
  }

  function loadTools(factory, toolNames, functionNames, hostToolNames, faults, signatures) {
    F.setPlan(faults);
    C.setSignatures(signatures);
    const exportsObject = {};
    const fns = factory(exportsObject, toolFetch);
    for (const n of functionNames) if (typeof fns[n] === 'function') raw[n] = fns[n];
    for (const n of toolNames) {
      if (typeof exportsObject[n] !== 'function') throw new Error('the tools source does not export a function ' + n);
      raw[n] = exportsObject[n];
      globalThis[n] = wrapTool(n, exportsObject[n]);
    }
    for (const n of hostToolNames) globalThis[n] = hostTool(n);
    // Every name there now is the sandbox's own: the session's variables are the names added after this.
    V.markBaseline();
  }

  function settle(promise) {
    return Promise.resolve(promise).then(
      (v) => stringify(v === undefined ? { ok: true } : { ok: true, output: inspect(v, limits.maxObservationChars) }),
      (e) => stringify({ ok: false, error: describe(e) }));
  }
  function callRaw(name, argsJson) {
    return Promise.resolve().then(() => {
      const fn = raw[name];
      if (typeof fn !== 'function') throw new ReferenceError(name + ' is not a function of the tools source');
      return fn.apply(undefined, parseJson(argsJson));
    }).then((v) => stringify({ ok: true, value: safe(v, 1000000) }), (e) => stringify({ ok: false, error: describe(e) }));
  }
  function beginStep() { finalCalled = false; }
  function describeJson(e) { return stringify(describe(e)); }

  return { loadTools, settle, callRaw, fireTimer, endStep, beginStep, describeJson, variables: V.variables };
})`;
