// Sandbox-side JavaScript (part of the prelude, so QuickJS and the Node kernel run the same): after each step, the
// session's own top-level names with a type, a short preview and a size. It runs none of the session's code: an own
// property is read only after __lookupGetter__ has said it has no getter (a getter is named, never called), every
// built-in it uses was captured before the model's code could replace it, and proxies are recognised because the
// `Proxy` the code sees records them. A name whose value looks as it did at the last step reuses its JSON.
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
    const arrayJoin = Array.prototype.join, strSlice = String.prototype.slice, fnToString = Function.prototype.toString;
    const mapHas = Map.prototype.has, mapEntries = Map.prototype.entries, mapSize = descriptor(Map.prototype, 'size').get;
    const setHas = Set.prototype.has, setValues = Set.prototype.values, setSize = descriptor(Set.prototype, 'size').get;
    const mapNext = protoOf(new Map().entries()).next, setNext = protoOf(new Set().values()).next;
    const dateTime = Date.prototype.getTime, dateIso = Date.prototype.toISOString;
    const symbolText = Symbol.prototype.toString, errorProto = Error.prototype;
    // A typed array's length, read by the intrinsic getter (its indices are never listed: there may be millions).
    const typedLength = descriptor(protoOf(Uint8Array.prototype), 'length').get;
    const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/, identTest = RegExp.prototype.test;
    const MAX = ${MAX_VARIABLES}, PREVIEW = ${VARIABLE_PREVIEW_CHARS}, ITEMS = ${VARIABLE_PREVIEW_ITEMS};
    // Built-ins called as plain functions (bound now, so later changes to their prototypes can't reach them); cheaper
    // than Reflect.apply with an argument list on every call.
    const objectProto = Object.prototype, uncurry = Function.prototype.bind.call(Function.prototype.bind, Function.prototype.call);
    const hasOwnOf = uncurry(objectProto.hasOwnProperty), slice = uncurry(strSlice);
    const weakAdd = uncurry(WeakSet.prototype.add), weakHas = uncurry(WeakSet.prototype.has);
    const weakGet = uncurry(WeakMap.prototype.get), weakSet = uncurry(WeakMap.prototype.set);

    // The Proxy the model's code gets: the real one, remembering each proxy it makes (QuickJS has no isProxy).
    const RealProxy = Proxy, proxies = new WeakSet();
    const track = (p) => { weakAdd(proxies, p); return p; };
    const TrackedProxy = function Proxy(target, handler) {
      if (new.target === undefined) throw new TypeError("Constructor Proxy requires 'new'");
      return track(new RealProxy(target, handler));
    };
    TrackedProxy.revocable = function revocable(target, handler) { const r = RealProxy.revocable(target, handler); track(r.proxy); return r; };
    Object.defineProperty(globalThis, 'Proxy', { value: TrackedProxy, writable: true, configurable: true, enumerable: false });
    const isProxy = (v) => weakHas(proxies, v);

    // An own property is read as a value only once __lookupGetter__ says it has no getter. That lookup stops at the
    // first object holding the key, which for a key known to be own is the object itself (never a proxy here), so no
    // prototype is consulted and no trap runs; it costs a third of reading a property descriptor.
    const lookupGetter = uncurry(objectProto.__lookupGetter__), lookupSetter = uncurry(objectProto.__lookupSetter__);
    const isData = (d) => hasOwnOf(d, 'value');
    const cut = (s, n) => (s.length > n ? slice(s, 0, n - 1) + '…' : s);
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
    const mapish = (fn, v) => { try { apply(fn, v, [undefined]); return true; } catch (e) { return false; } };
    // A function's kind never changes (reading its source text is the slow part), so it is worked out once.
    const functionKinds = new WeakMap();
    function functionKind(v) {
      const known = weakGet(functionKinds, v);
      if (known !== undefined) return known;
      let src = '';
      try { src = apply(fnToString, v, []); } catch (e) {}
      const kind = slice(src, 0, 6) === 'class ' ? 'class' : 'function';
      weakSet(functionKinds, v, kind);
      return kind;
    }
    // Asked only of values whose kind is a class name (a typed array's kind is its class: Uint8Array, …).
    const isTyped = (v) => inherits(v, typedProto) && brand(typedLength, v);

    /** What a value is: a primitive's typeof, or Array, Map, Set, Date, Error, Proxy, a class name, Object. */
    function kindOf(v) {
      if (v === null) return 'null';
      const t = typeof v;
      if (t !== 'object' && t !== 'function') return t;
      if (isProxy(v)) return 'Proxy';
      if (t === 'function') return functionKind(v);
      if (isArr(v)) return 'Array';
      const proto = protoOf(v);
      if (proto === null || proto === objectProto || isProxy(proto)) return 'Object';
      if ((proto === mapProto || inherits(v, mapProto)) && mapish(mapHas, v)) return 'Map';
      if ((proto === setProto || inherits(v, setProto)) && mapish(setHas, v)) return 'Set';
      if (inherits(v, dateProto) && brand(dateTime, v)) return 'Date';
      if (inherits(v, errorProto)) return 'Error';
      const c = descriptor(proto, 'constructor');
      const f = c && isData(c) ? c.value : undefined;
      const n = typeof f === 'function' ? descriptor(f, 'name') : undefined;
      const name = n && isData(n) ? n.value : undefined;
      return typeof name === 'string' && name ? cut(name, 60) : 'Object';
    }
    // Names, type names, sizes and short strings repeat across names and steps: each one's JSON is worked out once (up
    // to a bound); looking it up costs a fraction of JSON.stringify.
    const SHORT = 40;
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

    /** How own property k of o shows once __lookupGetter__ has found a getter (which is never called). */
    const getterText = (o, k) => (lookupSetter(o, k) !== undefined ? '[Getter/Setter]' : '[Getter]');
    /** How own property k of o shows when its value reads as undefined: a property with only a setter reads so. */
    const undefinedText = (o, k) => (lookupSetter(o, k) !== undefined ? '[Setter]' : 'undefined');
    /** One slot (own property k: an element or a property) of a value at depth; numbers and strings at once. */
    function slotText(o, k, depth, inner, budget) {
      if (lookupGetter(o, k) !== undefined) return getterText(o, k);
      const x = o[k], t = typeof x;
      if (t === 'number' || t === 'boolean') return '' + x;
      if (x === undefined) return undefinedText(o, k);
      if (t === 'string') return x.length <= SHORT && x.length <= budget ? quoted(x) : json(cut(x, budget));
      // A plain object or array below a nested value shows by its kind alone (as peek would show it, sooner).
      if (depth >= 1 && t === 'object' && x !== null && !isProxy(x)) {
        for (let a = inner; a !== null; a = a.up) if (a.value === x) return '[Circular]';
        if (isArr(x)) return '[Array]';
        const p = protoOf(x);
        if (p === objectProto || p === null) return '[Object]';
      }
      return peek(x, depth + 1, inner, budget);
    }
    /**
     * A Node-like one-line rendering, cut to the budget; ancestors (a chain, innermost first) guard against cycles.
     * known is the value's kind and keys its own names when the caller has them already.
     */
    function peek(v, depth, ancestors, budget, known, keys) {
      const kind = known !== undefined ? known : kindOf(v);
      switch (kind) {
        case 'string': return json(cut(v, budget));
        case 'number': case 'boolean': case 'undefined': case 'null': return '' + v;
        case 'bigint': return '' + v + 'n';
        case 'symbol': try { return apply(symbolText, v, []); } catch (e) { return 'Symbol()'; }
        case 'Proxy': return '[Proxy]';
        case 'function': case 'class': {
          const n = descriptor(v, 'name');
          const name = n && isData(n) && typeof n.value === 'string' ? cut(n.value, 60) : '';
          return '[' + (kind === 'class' ? 'class' : 'Function') + (name ? ' ' + name : '') + ']';
        }
      }
      for (let a = ancestors; a !== null; a = a.up) if (a.value === v) return '[Circular]';
      if (kind === 'Date') { const t = apply(dateTime, v, []); return t === t ? apply(dateIso, v, []) : 'Invalid Date'; }
      if (kind === 'Error') {
        const m = descriptor(v, 'message');
        const message = m && isData(m) ? m.value : undefined;
        return '[Error' + (typeof message === 'string' ? ': ' + cut(message, 100) : '') + ']';
      }
      if (depth >= 2) return kind === 'Array' ? '[Array]' : kind === 'Map' || kind === 'Set' ? '[' + kind + ']' : '[Object]';
      // The values being rendered around this one, innermost first (own fields only, so nothing is looked up).
      const inner = { value: v, up: ancestors };
      let out = '', open, close, count = 0, text;
      const typed = kind !== 'Array' && kind !== 'Object' && kind !== 'Map' && kind !== 'Set' && isTyped(v);
      if (kind === 'Array' || typed) {
        // A real array's length is an own data property that can't be made an accessor.
        const len = typed ? apply(typedLength, v, []) : v.length;
        open = typed ? kind + '(' + len + ') [' : '['; close = ']';
        const n = len < ITEMS ? len : ITEMS;
        while (count < n && out.length < budget) {
          text = hasOwnOf(v, count) ? slotText(v, count, depth, inner, budget - out.length) : '<empty>';
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
        const ks = keys !== undefined ? keys : namesOf(v);
        open = (kind === 'Object' ? '' : kind + ' ') + '{'; close = '}';
        const n = ks.length < ITEMS ? ks.length : ITEMS;
        while (count < n && out.length < budget) {
          const k = ks[count];
          const key = keyTexts[k];
          text = (key !== undefined ? key : keyText(k)) + ': ' + slotText(v, k, depth, inner, budget - out.length);
          out += count++ ? ', ' + text : text;
        }
        if (count === ITEMS && ks.length > ITEMS && out.length < budget) out += ', … ' + (ks.length - ITEMS) + ' more keys';
      }
      if (out.length >= budget) return open + ' ' + cut(out, budget) + ' ' + close;
      return count ? open + ' ' + out + ' ' + close : open + close;
    }
    const counted = (n, one, many) => n + (n === 1 ? one : many);
    /**
     * A top-level value's record: its kind, preview, size (for strings and collections) and JSON entry. The record
     * kept from the last snapshot is returned again when the value looks the same, so its JSON is not written again.
     */
    function recordOf(name, v, before) {
      const kind = kindOf(v);
      let size, keys;
      if (kind === 'string') size = counted(v.length, ' char', ' chars');
      else if (kind === 'Array') size = v.length + ' items';
      else if (kind === 'Map' || kind === 'Set') size = counted(apply(kind === 'Map' ? mapSize : setSize, v, []), ' entry', ' entries');
      else if (kind !== 'Object' && typeof v === 'object' && v !== null && kind !== 'Proxy' && isTyped(v)) size = apply(typedLength, v, []) + ' items';
      else if (kind !== 'Proxy' && kind !== 'Date' && kind !== 'Error' && typeof v === 'object' && v !== null) {
        keys = namesOf(v);
        size = counted(keys.length, ' key', ' keys');
      }
      const preview = cut(peek(v, 0, null, PREVIEW, kind, keys), PREVIEW);
      if (before !== undefined && before.preview === preview && before.kind === kind && before.size === size) return before;
      const entry = '{"name":' + quoted(name) + ',"type":' + quoted(kind) + ',"preview":' + json(preview) + (size !== undefined ? ',"size":' + quoted(size) : '') + '}';
      return { value: v, kind: kind, size: size, preview: preview, entry: entry };
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
    // Each name's record is kept from one snapshot to the next (most names of a session are unchanged).
    let kept = createObject(null);
    function variables() {
      const names = namesOf(globalThis);
      const entries = list(), next = createObject(null);
      let shown = 0, total = 0;
      for (let i = 0; i < names.length; i++) {
        const name = names[i];
        if (baseline[name] === true) continue;
        total++;
        if (shown >= MAX) continue;
        let entry;
        const getter = lookupGetter(globalThis, name) !== undefined;
        const v = getter ? undefined : globalThis[name];
        const accessor = getter ? getterText(globalThis, name) : v === undefined && lookupSetter(globalThis, name) !== undefined ? '[Setter]' : undefined;
        if (accessor !== undefined) entry = '{"name":' + quoted(name) + ',"type":"getter","preview":' + json(accessor) + '}';
        else {
          const before = kept[name];
          let record;
          // An unchanged primitive looks the same without being rendered again.
          if (before !== undefined && (v === null || (typeof v !== 'object' && typeof v !== 'function')) && (before.value === v || (before.value !== before.value && v !== v))) record = before;
          else {
            try { record = recordOf(name, v, before); } catch (e) { record = undefined; }
          }
          // A value that could not be read is not kept: the next step reads it afresh.
          if (record !== undefined) next[name] = record;
          entry = record !== undefined ? record.entry : '{"name":' + quoted(name) + ',"type":"unknown","preview":"[could not be read]"}';
        }
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
