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
/** Items (elements, keys, entries) a preview shows of each collection before `… N more items`. */
export const VARIABLE_PREVIEW_ITEMS = 10;

export const VARIABLES_PRELUDE = String.raw`
  const V = (function () {
    const apply = Reflect.apply, namesOf = Object.getOwnPropertyNames, descriptor = Object.getOwnPropertyDescriptor;
    const protoOf = Object.getPrototypeOf, setProtoOf = Object.setPrototypeOf, createObject = Object.create, isArr = Array.isArray, json = JSON.stringify;
    const hasOwn = Object.prototype.hasOwnProperty, arrayJoin = Array.prototype.join, strSlice = String.prototype.slice, fnToString = Function.prototype.toString;
    const mapHas = Map.prototype.has, mapEntries = Map.prototype.entries, mapSize = descriptor(Map.prototype, 'size').get;
    const setHas = Set.prototype.has, setValues = Set.prototype.values, setSize = descriptor(Set.prototype, 'size').get;
    const mapNext = protoOf(new Map().entries()).next, setNext = protoOf(new Set().values()).next;
    const dateTime = Date.prototype.getTime, dateIso = Date.prototype.toISOString;
    const symbolText = Symbol.prototype.toString, errorProto = Error.prototype, objectProto = Object.prototype;
    // A typed array's length, read by the intrinsic getter (its indices are never listed: there may be millions).
    const typedLength = descriptor(protoOf(Uint8Array.prototype), 'length').get;
    const weakAdd = WeakSet.prototype.add, weakHas = WeakSet.prototype.has;
    const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/, identTest = RegExp.prototype.test;
    const MAX = ${MAX_VARIABLES}, PREVIEW = ${VARIABLE_PREVIEW_CHARS}, ITEMS = ${VARIABLE_PREVIEW_ITEMS};

    // The Proxy the model's code gets: the real one, remembering each proxy it makes (QuickJS has no isProxy).
    const RealProxy = Proxy, proxies = new WeakSet();
    const track = (p) => { apply(weakAdd, proxies, [p]); return p; };
    const TrackedProxy = function Proxy(target, handler) {
      if (new.target === undefined) throw new TypeError("Constructor Proxy requires 'new'");
      return track(new RealProxy(target, handler));
    };
    TrackedProxy.revocable = function revocable(target, handler) { const r = RealProxy.revocable(target, handler); track(r.proxy); return r; };
    Object.defineProperty(globalThis, 'Proxy', { value: TrackedProxy, writable: true, configurable: true, enumerable: false });
    // Built-ins called as plain functions (bound now, so later changes to their prototypes can't reach them); cheaper
    // than Reflect.apply with an argument list on every call.
    const uncurry = Function.prototype.bind.call(Function.prototype.bind, Function.prototype.call);
    const proxyHas = uncurry(weakHas), hasOwnOf = uncurry(hasOwn);
    const isProxy = (v) => proxyHas(proxies, v);

    const own = (o, k) => hasOwnOf(o, k);
    const cut = (s, n) => (s.length > n ? apply(strSlice, s, [0, n - 1]) + '…' : s);
    const brand = (fn, v) => { try { apply(fn, v, []); return true; } catch (e) { return false; } };
    const typedProto = protoOf(Uint8Array.prototype), mapProto = Map.prototype, setProto = Set.prototype, dateProto = Date.prototype;
    // Whether proto is on v's prototype chain, walked without running a trap (the walk stops at a proxy). Brand checks
    // (which throw for a value of another kind, slowly) are made only for a value whose chain says it may pass them.
    function inherits(v, proto) {
      let p = protoOf(v), guard = 0;
      while (p !== null && guard++ < 100) {
        if (p === proto) return true;
        if (isProxy(p)) return false;
        p = protoOf(p);
      }
      return false;
    }
    const isTyped = (v) => typeof v === 'object' && v !== null && !isProxy(v) && inherits(v, typedProto) && brand(typedLength, v);
    const mapish = (fn, v) => { try { apply(fn, v, [undefined]); return true; } catch (e) { return false; } };

    /** What a value is: a primitive's typeof, or Array, Map, Set, Date, Error, Proxy, a class name, Object. */
    function kindOf(v) {
      if (v === null) return 'null';
      const t = typeof v;
      if (t !== 'object' && t !== 'function') return t;
      if (isProxy(v)) return 'Proxy';
      if (t === 'function') { let src = ''; try { src = apply(fnToString, v, []); } catch (e) {} return apply(strSlice, src, [0, 6]) === 'class ' ? 'class' : 'function'; }
      if (isArr(v)) return 'Array';
      const proto = protoOf(v);
      if (proto === null || proto === objectProto || isProxy(proto)) return 'Object';
      if (inherits(v, mapProto) && mapish(mapHas, v)) return 'Map';
      if (inherits(v, setProto) && mapish(setHas, v)) return 'Set';
      if (inherits(v, dateProto) && brand(dateTime, v)) return 'Date';
      if (inherits(v, errorProto)) return 'Error';
      const c = descriptor(proto, 'constructor');
      const n = c && own(c, 'value') && (typeof c.value === 'function') ? descriptor(c.value, 'name') : undefined;
      return n && own(n, 'value') && typeof n.value === 'string' && n.value ? cut(n.value, 60) : 'Object';
    }
    /** How an accessor property shows (its getter is never called). */
    function accessorText(d) {
      return own(d, 'get') && d.get !== undefined ? (own(d, 'set') && d.set !== undefined ? '[Getter/Setter]' : '[Getter]') : '[Setter]';
    }
    // Every field set, so reading one never looks it up on Object.prototype (where the code may have put a getter).
    function dataOf(o, k) {
      const d = descriptor(o, k);
      if (!d) return { none: true, text: undefined, value: undefined };
      if (!own(d, 'value')) return { none: false, text: accessorText(d), value: undefined };
      return { none: false, text: undefined, value: d.value };
    }
    // Type names and sizes repeat across names and steps: each one's JSON is worked out once (up to a bound).
    const quotedTexts = createObject(null);
    let quotedCount = 0;
    function quoted(text) {
      const known = quotedTexts[text];
      if (known !== undefined) return known;
      const q = json(text);
      if (quotedCount < 10000) { quotedTexts[text] = q; quotedCount++; }
      return q;
    }
    // Keys repeat across values and steps: each one's text is worked out once (up to a bound).
    const keyTexts = createObject(null);
    let keyTextCount = 0;
    function keyText(k) {
      const known = keyTexts[k];
      if (known !== undefined) return known;
      const text = apply(identTest, IDENT, [k]) ? k : json(k);
      if (keyTextCount < 10000) { keyTexts[k] = text; keyTextCount++; }
      return text;
    }

    /** One slot (an element or a property) of a value at depth, from its descriptor; numbers and strings at once. */
    function slotText(d, depth, inner, budget) {
      if (d === undefined) return '<empty>';
      if (!own(d, 'value')) return accessorText(d);
      const x = d.value, t = typeof x;
      if (t === 'number' || t === 'boolean') return '' + x;
      if (t === 'string') return json(cut(x, budget));
      return peek(x, depth + 1, inner, budget);
    }
    /** A Node-like one-line rendering, cut to the budget; ancestors (a chain, innermost first) guard against cycles. */
    function peek(v, depth, ancestors, budget, known) {
      const kind = known !== undefined ? known : kindOf(v);
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
      for (let a = ancestors; a !== null; a = a.up) if (a.value === v) return '[Circular]';
      if (kind === 'Date') { const t = apply(dateTime, v, []); return t === t ? apply(dateIso, v, []) : 'Invalid Date'; }
      if (kind === 'Error') {
        const m = dataOf(v, 'message');
        return '[Error' + (typeof m.value === 'string' ? ': ' + cut(m.value, 100) : '') + ']';
      }
      if (depth >= 2) return kind === 'Array' ? '[Array]' : kind === 'Map' || kind === 'Set' ? '[' + kind + ']' : '[Object]';
      // The values being rendered around this one, innermost first (own fields only, so nothing is looked up).
      const inner = { value: v, up: ancestors };
      let out = '', open, close, count = 0, text;
      const typed = kind !== 'Array' && kind !== 'Object' && isTyped(v);
      if (kind === 'Array' || typed) {
        const len = typed ? apply(typedLength, v, []) : dataOf(v, 'length').value;
        open = typed ? kind + '(' + len + ') [' : '['; close = ']';
        const n = len < ITEMS ? len : ITEMS;
        while (count < n && out.length < budget) {
          text = slotText(descriptor(v, count), depth, inner, budget - out.length);
          out += count++ ? ', ' + text : text;
        }
        if (count === ITEMS && len > ITEMS && out.length < budget) out += ', … ' + (len - ITEMS) + ' more items';
      } else if (kind === 'Map' || kind === 'Set') {
        const size = apply(kind === 'Map' ? mapSize : setSize, v, []);
        open = kind + '(' + size + ') {'; close = '}';
        const it = apply(kind === 'Map' ? mapEntries : setValues, v, []);
        const next = kind === 'Map' ? mapNext : setNext;
        for (let r = apply(next, it, []); !r.done && out.length < budget; r = apply(next, it, [])) {
          if (count === ITEMS) { out += ', … ' + (size - ITEMS) + ' more'; break; }
          const e = r.value;
          text = kind === 'Map' ? peek(e[0], depth + 1, inner, 60) + ' => ' + peek(e[1], depth + 1, inner, budget - out.length) : peek(e, depth + 1, inner, budget - out.length);
          out += count++ ? ', ' + text : text;
        }
      } else {
        const ks = namesOf(v);
        open = (kind === 'Object' ? '' : kind + ' ') + '{'; close = '}';
        const n = ks.length < ITEMS ? ks.length : ITEMS;
        while (count < n && out.length < budget) {
          text = keyText(ks[count]) + ': ' + slotText(descriptor(v, ks[count]), depth, inner, budget - out.length);
          out += count++ ? ', ' + text : text;
        }
        if (count === ITEMS && ks.length > ITEMS && out.length < budget) out += ', … ' + (ks.length - ITEMS) + ' more keys';
      }
      if (out.length >= budget) return open + ' ' + cut(out, budget) + ' ' + close;
      return count ? open + ' ' + out + ' ' + close : open + close;
    }
    function sizeOf(v, kind) {
      if (kind === 'string') return v.length + (v.length === 1 ? ' char' : ' chars');
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
    // The JSON is written by hand: JSON.stringify of an object would call a toJSON the code put on a prototype. Lists
    // the code fills have no prototype, so an index setter the code put on Array.prototype never runs.
    const list = () => setProtoOf([], null);
    const joinList = (xs, sep) => apply(arrayJoin, xs, [sep]);
    const isPrimitive = (v) => v === null || (typeof v !== 'object' && typeof v !== 'function');
    // A primitive's entry is kept from one snapshot to the next: a name whose value is the same primitive again is
    // not rendered again (most names of a session are unchanged numbers and strings).
    let kept = createObject(null);
    function entryOf(name, d) {
      const start = '{"name":' + json(name) + ',';
      if (d.text !== undefined) return start + '"type":"getter","preview":' + json(d.text) + '}';
      try {
        const kind = kindOf(d.value);
        const size = sizeOf(d.value, kind);
        return start + '"type":' + quoted(kind) + ',"preview":' + json(cut(peek(d.value, 0, null, PREVIEW, kind), PREVIEW)) + (size !== undefined ? ',"size":' + quoted(size) : '') + '}';
      } catch (e) {
        return start + '"type":"unknown","preview":"[could not be read]"}';
      }
    }
    function variables() {
      const names = namesOf(globalThis);
      const entries = list(), next = createObject(null);
      let shown = 0, total = 0;
      for (let i = 0; i < names.length; i++) {
        const name = names[i];
        if (baseline[name] === true) continue;
        const d = dataOf(globalThis, name);
        if (d.none) continue;
        total++;
        if (shown >= MAX) continue;
        const before = kept[name];
        let entry;
        if (d.text === undefined && isPrimitive(d.value) && before !== undefined && (before.value === d.value || (before.value !== before.value && d.value !== d.value))) entry = before.entry;
        else entry = entryOf(name, d);
        if (d.text === undefined && isPrimitive(d.value)) next[name] = { value: d.value, entry: entry };
        entries[shown++] = entry;
      }
      kept = next;
      return '{"vars":[' + joinList(entries, ',') + '],"total":' + total + '}';
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
