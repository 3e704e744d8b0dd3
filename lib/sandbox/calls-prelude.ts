// Checking a tool call made from code, inside the sandbox: a call with one plain object whose keys are parameter
// names (`add({ a: 1, b: 2 })`, as models trained on Python keyword arguments write it) is mapped to positional
// arguments, then every argument is checked against the tool's schema the way lib/tools/validate-arguments.ts checks
// a JSON tool call (the contract suite and calls-prelude.test.ts hold the two to the same answers). A call that does
// not fit throws a TypeError naming the tool, the parameter and the signature. Part of PRELUDE's closure.
//
// Authored as a String.raw template: no backticks and no dollar-brace inside.
export const CALLS_PRELUDE = String.raw`
  const C = (function () {
    let signatures = {};
    const own = Object.prototype.hasOwnProperty;
    const isList = Array.isArray;
    const json = JSON.stringify;
    function typesOf(s) { return isList(s.type) ? s.type : typeof s.type === 'string' ? [s.type] : []; }
    function typeName(v) { return v === null ? 'null' : isList(v) ? 'array' : typeof v; }
    function isSchema(v) { return typeof v === 'object' && v !== null && !isList(v); }
    function label(path) { return path ? 'argument \u0060' + path + '\u0060' : 'the arguments'; }
    function article(t) { return t === 'null' ? 'null' : t === 'array' || t === 'object' || t === 'integer' ? 'an ' + t : 'a ' + t; }
    function shown(v) { let t; try { t = json(v); } catch (e) { t = undefined; } return t === undefined ? typeName(v) : t.length > 80 ? t.slice(0, 80) + '…' : t; }
    function hasType(t, v) {
      switch (t) {
        case 'string': return typeof v === 'string';
        case 'number': return typeof v === 'number' && isFinite(v);
        case 'integer': return Number.isInteger(v);
        case 'boolean': return typeof v === 'boolean';
        case 'array': return isList(v);
        case 'object': return typeof v === 'object' && v !== null && !isList(v);
        case 'null': return v === null;
        default: return true;
      }
    }
    function fits(s, v) { const p = []; check(s, v, '', p); return p.length === 0; }
    function check(s, v, path, problems) {
      const alternatives = isList(s.anyOf) ? s.anyOf : isList(s.oneOf) ? s.oneOf : undefined;
      if (alternatives) {
        if (!alternatives.some(function (a) { return fits(a, v); })) {
          const kinds = alternatives.map(function (a) {
            return isList(a.enum) ? a.enum.map(function (e) { return json(e); }).join(' | ') : own.call(a, 'const') ? json(a.const) : typesOf(a).join(' or ') || 'any';
          }).join(' or ');
          problems.push(label(path) + ' must be ' + kinds + '; got ' + shown(v));
        }
        return;
      }
      const types = typesOf(s);
      if (types.length > 0 && !types.some(function (t) { return hasType(t, v); })) {
        problems.push(label(path) + ' must be ' + types.map(article).join(' or ') + '; got ' + typeName(v));
        return;
      }
      if (own.call(s, 'const') && json(s.const) !== json(v)) { problems.push(label(path) + ' must be ' + json(s.const) + '; got ' + shown(v)); return; }
      if (isList(s.enum) && !s.enum.some(function (e) { return e === v; })) {
        problems.push(label(path) + ' must be one of ' + s.enum.map(function (e) { return json(e); }).join(', ') + '; got ' + shown(v));
        return;
      }
      if (isList(s.allOf)) for (const part of s.allOf) check(part, v, path, problems);
      if (types.indexOf('array') >= 0 && isSchema(s.items) && isList(v)) {
        for (let i = 0; i < v.length && problems.length < 20; i++) check(s.items, v[i], path + '[' + i + ']', problems);
      }
      if (types.indexOf('object') >= 0 && typeof v === 'object' && v !== null) {
        const props = isSchema(s.properties) ? s.properties : undefined;
        const join = function (k) { return path ? path + '.' + k : k; };
        for (const k of isList(s.required) ? s.required : []) if (v[k] === undefined) problems.push('missing required ' + label(join(k)));
        for (const k of Object.keys(v)) {
          const p = props && own.call(props, k) ? props[k] : undefined;
          if (isSchema(p)) { if (v[k] !== undefined) check(p, v[k], join(k), problems); }
          else if (s.additionalProperties === false) problems.push('unknown ' + label(join(k)));
          else if (isSchema(s.additionalProperties)) check(s.additionalProperties, v[k], join(k), problems);
        }
      }
    }
    // A parameter that takes an object (or anything) keeps a single object argument as it is.
    function takesObject(s) {
      if (!isSchema(s)) return true;
      const alternatives = isList(s.anyOf) ? s.anyOf : isList(s.oneOf) ? s.oneOf : undefined;
      if (alternatives) return alternatives.some(takesObject);
      const types = typesOf(s);
      if (types.length === 0) return !isList(s.enum) && !own.call(s, 'const');
      return types.indexOf('object') >= 0;
    }
    function isPlainObject(v) {
      if (typeof v !== 'object' || v === null || isList(v)) return false;
      const proto = Object.getPrototypeOf(v);
      return proto === Object.prototype || proto === null;
    }
    // The arguments to call the tool with, and what is wrong with them (empty when the call fits).
    function prepare(name, args) {
      const sig = own.call(signatures, name) ? signatures[name] : undefined;
      if (!sig) return { args: args, problems: [] };
      const params = sig.params;
      const problems = [];
      let positional = args;
      if (args.length === 1 && params.length > 0 && isPlainObject(args[0]) && !takesObject(params[0].schema)) {
        const named = args[0];
        const keys = Object.keys(named);
        const names = params.map(function (p) { return p.name; });
        if (keys.some(function (k) { return names.indexOf(k) >= 0; })) {
          for (const k of keys) if (names.indexOf(k) < 0) problems.push('unknown ' + label(k));
          positional = params.map(function (p) { return named[p.name]; });
          while (positional.length > 0 && positional[positional.length - 1] === undefined) positional.pop();
        }
      }
      if (positional.length > params.length) problems.push('it takes ' + params.length + ' argument' + (params.length === 1 ? '' : 's') + ', got ' + positional.length);
      for (let i = 0; i < params.length; i++) {
        const p = params[i];
        if (positional[i] === undefined) { if (!p.optional) problems.push('missing required ' + label(p.name)); }
        else check(p.schema, positional[i], p.name, problems);
      }
      return { args: positional, problems: problems };
    }
    function message(name, problems) { return name + ': ' + problems.join('; ') + '. Its signature: ' + signatures[name].signature; }
    return {
      setSignatures: function (s) { signatures = s && typeof s === 'object' ? s : {}; },
      prepare: prepare,
      message: message,
      isAsync: function (name) { return own.call(signatures, name) && signatures[name].async === true; },
    };
  })();
`;
