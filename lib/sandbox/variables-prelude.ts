// Sandbox-side JavaScript (part of the prelude, so QuickJS and the Node kernel run the same): after each step, the
// session's own top-level names with a type, a short preview and a size. It runs none of the session's code: values
// are read through property descriptors (a getter is named, never called), every built-in it uses was captured before
// the model's code could replace it, and proxies are recognised because the `Proxy` the code sees records them.
//
// Defines, inside the prelude's closure: `markBaseline()` (the names there before any step: built-ins, the prelude's
// and the tools') and `variables()` (JSON: {"vars": [{name, type, preview, size?}], "total": n}).
import type { VariablesSnapshot } from './types';

export const MAX_VARIABLES = 100;
export const VARIABLE_PREVIEW_CHARS = 200;

export const VARIABLES_PRELUDE = String.raw`
  const V = (function () {
    const apply = Reflect.apply, namesOf = Object.getOwnPropertyNames, descriptor = Object.getOwnPropertyDescriptor;
    const protoOf = Object.getPrototypeOf, createObject = Object.create, isArr = Array.isArray, json = JSON.stringify;
    const hasOwn = Object.prototype.hasOwnProperty, strSlice = String.prototype.slice, fnToString = Function.prototype.toString;
    const mapHas = Map.prototype.has, mapEntries = Map.prototype.entries, mapSize = descriptor(Map.prototype, 'size').get;
    const setHas = Set.prototype.has, setValues = Set.prototype.values, setSize = descriptor(Set.prototype, 'size').get;
    const mapNext = protoOf(new Map().entries()).next, setNext = protoOf(new Set().values()).next;
    const dateTime = Date.prototype.getTime, dateIso = Date.prototype.toISOString;
    const symbolText = Symbol.prototype.toString, errorProto = Error.prototype, objectProto = Object.prototype;
    // A typed array's length, read by the intrinsic getter (its indices are never listed: there may be millions).
    const typedLength = descriptor(protoOf(Uint8Array.prototype), 'length').get;
    const weakAdd = WeakSet.prototype.add, weakHas = WeakSet.prototype.has;
    const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/, identTest = RegExp.prototype.test;
    const MAX = ${MAX_VARIABLES}, PREVIEW = ${VARIABLE_PREVIEW_CHARS};

    // The Proxy the model's code gets: the real one, remembering each proxy it makes (QuickJS has no isProxy).
    const RealProxy = Proxy, proxies = new WeakSet();
    const track = (p) => { apply(weakAdd, proxies, [p]); return p; };
    const TrackedProxy = function Proxy(target, handler) {
      if (new.target === undefined) throw new TypeError("Constructor Proxy requires 'new'");
      return track(new RealProxy(target, handler));
    };
    TrackedProxy.revocable = function revocable(target, handler) { const r = RealProxy.revocable(target, handler); track(r.proxy); return r; };
    Object.defineProperty(globalThis, 'Proxy', { value: TrackedProxy, writable: true, configurable: true, enumerable: false });
    const isProxy = (v) => apply(weakHas, proxies, [v]);

    const own = (o, k) => apply(hasOwn, o, [k]);
    const cut = (s, n) => (s.length > n ? apply(strSlice, s, [0, n - 1]) + '…' : s);
    const brand = (fn, v) => { try { apply(fn, v, []); return true; } catch (e) { return false; } };
    const isTyped = (v) => typeof v === 'object' && v !== null && !isProxy(v) && brand(typedLength, v);
    const mapish = (fn, v) => { try { apply(fn, v, [undefined]); return true; } catch (e) { return false; } };

    /** What a value is: a primitive's typeof, or Array, Map, Set, Date, Error, Proxy, a class name, Object. */
    function kindOf(v) {
      if (v === null) return 'null';
      const t = typeof v;
      if (t !== 'object' && t !== 'function') return t;
      if (isProxy(v)) return 'Proxy';
      if (t === 'function') { let src = ''; try { src = apply(fnToString, v, []); } catch (e) {} return apply(strSlice, src, [0, 6]) === 'class ' ? 'class' : 'function'; }
      if (isArr(v)) return 'Array';
      if (mapish(mapHas, v)) return 'Map';
      if (mapish(setHas, v)) return 'Set';
      if (brand(dateTime, v)) return 'Date';
      let p = v, guard = 0;
      while ((p = protoOf(p)) !== null && guard++ < 100) if (p === errorProto) return 'Error';
      const proto = protoOf(v);
      if (proto === null) return 'Object';
      if (proto === objectProto) return 'Object';
      const c = descriptor(proto, 'constructor');
      const n = c && own(c, 'value') && (typeof c.value === 'function') ? descriptor(c.value, 'name') : undefined;
      return n && own(n, 'value') && typeof n.value === 'string' && n.value ? cut(n.value, 60) : 'Object';
    }
    // Every field set, so reading one never looks it up on Object.prototype (where the code may have put a getter).
    function dataOf(o, k) {
      const d = descriptor(o, k);
      if (!d) return { none: true, text: undefined, value: undefined };
      if (own(d, 'get') || own(d, 'set')) {
        const text = own(d, 'get') && d.get !== undefined ? (own(d, 'set') && d.set !== undefined ? '[Getter/Setter]' : '[Getter]') : '[Setter]';
        return { none: false, text: text, value: undefined };
      }
      return { none: false, text: undefined, value: d.value };
    }
    function keyText(k) { return apply(identTest, IDENT, [k]) ? k : json(k); }

    /** A Node-like one-line rendering, cut to the budget; ancestors guard against cycles. */
    function peek(v, depth, ancestors, budget) {
      const kind = kindOf(v);
      switch (kind) {
        case 'string': return json(cut(v, budget));
        case 'number': case 'boolean': case 'undefined': case 'null': return '' + v;
        case 'bigint': return '' + v + 'n';
        case 'symbol': try { return apply(symbolText, v, []); } catch (e) { return 'Symbol()'; }
        case 'Proxy': return '[Proxy]';
        case 'function': case 'class': {
          const n = descriptor(v, 'name');
          const name = n && own(n, 'value') && typeof n.value === 'string' ? cut(n.value, 60) : '';
          return '[' + (kind === 'class' ? 'class' : 'Function') + (name ? ' ' + name : '') + ']';
        }
      }
      for (let i = 0; i < ancestors.length; i++) if (ancestors[i] === v) return '[Circular]';
      if (kind === 'Date') { const t = apply(dateTime, v, []); return t === t ? apply(dateIso, v, []) : 'Invalid Date'; }
      if (kind === 'Error') {
        const m = dataOf(v, 'message');
        return '[Error' + (typeof m.value === 'string' ? ': ' + cut(m.value, 100) : '') + ']';
      }
      if (depth >= 2) return kind === 'Array' ? '[Array]' : kind === 'Map' || kind === 'Set' ? '[' + kind + ']' : '[Object]';
      const inner = [];
      for (let i = 0; i < ancestors.length; i++) inner[i] = ancestors[i];
      inner[ancestors.length] = v;
      let out = '', open, close, count = 0;
      const add = (text) => { out += (count++ ? ', ' : '') + text; return out.length < budget; };
      const typed = isTyped(v);
      if (kind === 'Array' || typed) {
        const len = typed ? apply(typedLength, v, []) : dataOf(v, 'length').value;
        open = typed ? kind + '(' + len + ') [' : '['; close = ']';
        for (let i = 0; i < len; i++) {
          const d = dataOf(v, '' + i);
          if (!add(d.none ? '<empty>' : d.text !== undefined ? d.text : peek(d.value, depth + 1, inner, budget - out.length))) break;
        }
      } else if (kind === 'Map' || kind === 'Set') {
        const size = apply(kind === 'Map' ? mapSize : setSize, v, []);
        open = kind + '(' + size + ') {'; close = '}';
        const it = apply(kind === 'Map' ? mapEntries : setValues, v, []);
        const next = kind === 'Map' ? mapNext : setNext;
        for (let r = apply(next, it, []); !r.done; r = apply(next, it, [])) {
          const e = r.value;
          const text = kind === 'Map' ? peek(e[0], depth + 1, inner, 60) + ' => ' + peek(e[1], depth + 1, inner, budget - out.length) : peek(e, depth + 1, inner, budget - out.length);
          if (!add(text)) break;
        }
      } else {
        const ks = namesOf(v);
        open = (kind === 'Object' ? '' : kind + ' ') + '{'; close = '}';
        for (let i = 0; i < ks.length; i++) {
          const d = dataOf(v, ks[i]);
          if (!add(keyText(ks[i]) + ': ' + (d.text !== undefined ? d.text : peek(d.value, depth + 1, inner, budget - out.length)))) break;
        }
      }
      if (out.length >= budget) return open + ' ' + cut(out, budget) + ' ' + close;
      return count ? open + ' ' + out + ' ' + close : open + close;
    }
    function sizeOf(v, kind) {
      if (kind === 'string') return v.length + ' chars';
      if (kind === 'Array') return dataOf(v, 'length').value + ' items';
      if (isTyped(v)) return apply(typedLength, v, []) + ' items';
      if (kind === 'Map' || kind === 'Set') { const n = apply(kind === 'Map' ? mapSize : setSize, v, []); return n + (n === 1 ? ' entry' : ' entries'); }
      if (kind === 'Object' || (kind !== 'Proxy' && kind !== 'Date' && kind !== 'Error' && kind !== 'function' && kind !== 'class' && typeof v === 'object' && v !== null)) {
        const n = namesOf(v).length;
        return n + (n === 1 ? ' key' : ' keys');
      }
      return undefined;
    }

    let baseline = createObject(null);
    function markBaseline() {
      baseline = createObject(null);
      const names = namesOf(globalThis);
      for (let i = 0; i < names.length; i++) baseline[names[i]] = true;
    }
    // The JSON is written by hand: JSON.stringify of an object would call a toJSON the code put on a prototype.
    const field = (k, v) => json(k) + ':' + json(v);
    function variables() {
      const names = namesOf(globalThis);
      let out = '', shown = 0, total = 0;
      for (let i = 0; i < names.length; i++) {
        const name = names[i];
        if (baseline[name] === true) continue;
        const d = dataOf(globalThis, name);
        if (d.none) continue;
        total++;
        if (shown >= MAX) continue;
        let entry;
        if (d.text !== undefined) entry = field('type', 'getter') + ',' + field('preview', d.text);
        else {
          try {
            const kind = kindOf(d.value);
            const size = sizeOf(d.value, kind);
            entry = field('type', kind) + ',' + field('preview', cut(peek(d.value, 0, [], PREVIEW), PREVIEW)) + (size !== undefined ? ',' + field('size', size) : '');
          } catch (e) {
            entry = field('type', 'unknown') + ',' + field('preview', '[could not be read]');
          }
        }
        out += (shown++ ? ',' : '') + '{' + field('name', name) + ',' + entry + '}';
      }
      return '{"vars":[' + out + '],"total":' + total + '}';
    }
    return { markBaseline: markBaseline, variables: variables };
  })();
`;

/** Reads `variables()`'s JSON; undefined when it is not what the prelude writes. */
export function parseVariables(text: string | null | undefined): VariablesSnapshot | undefined {
  if (!text) return undefined;
  try {
    const raw = JSON.parse(text) as { vars?: unknown; total?: unknown };
    if (!Array.isArray(raw.vars) || typeof raw.total !== 'number') return undefined;
    return { names: raw.vars as VariablesSnapshot['names'], total: raw.total };
  } catch {
    return undefined;
  }
}
