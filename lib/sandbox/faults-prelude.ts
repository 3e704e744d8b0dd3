// Tool fault injection inside the sandbox: the same decision as lib/tools/tool-faults.ts, in plain JavaScript that
// the prelude runs (the executor contract checks the two agree). Part of PRELUDE's closure: the model's code cannot
// reach the plan or the counters.
//
// Authored as a String.raw template: no backticks and no dollar-brace inside.
export const FAULTS_PRELUDE = String.raw`
  const F = (function () {
    const JUNK = [null, '<html><body><h1>502 Bad Gateway</h1></body></html>', { error: null, data: [] }, -1, [], 'undefined'];
    let plan = {};
    const counts = {};
    function hash(text) {
      let h = 0x811c9dc5;
      for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
      return h >>> 0;
    }
    function mulberry32(seed) {
      let a = seed >>> 0;
      return function () {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }
    function decide(tool, f, index) {
      const random = mulberry32(hash(String(f.seed) + ':' + tool + ':' + index));
      const draws = { fail: random(), slow: random(), junk: random(), inject: random() };
      const pick = Math.floor(random() * JUNK.length);
      const hit = function (kind) { const rate = (f[kind] && f[kind].rate) || 0; return rate > 0 && draws[kind] < rate; };
      const out = [];
      if (f.slow && hit('slow')) out.push({ kind: 'slow', delayMs: f.slow.delayMs });
      if (f.fail && hit('fail')) return { faults: [{ kind: 'fail', message: f.fail.message }].concat(out) };
      if (f.junk && hit('junk')) return { faults: [{ kind: 'junk' }].concat(out), junk: pick };
      if (f.inject && hit('inject')) return { faults: [{ kind: 'inject', text: f.inject.text }].concat(out) };
      return { faults: out };
    }
    function inject(result, text) {
      if (typeof result === 'string') return result + '\n\n' + text;
      if (Array.isArray(result)) return result.concat([text]);
      if (typeof result === 'object' && result !== null) return Object.assign({}, result, { note: text });
      return (result === undefined ? 'undefined' : JSON.stringify(result)) + '\n\n' + text;
    }
    function junkValue(i) { const v = JUNK[i]; return v && typeof v === 'object' ? JSON.parse(JSON.stringify(v)) : v; }
    return {
      setPlan: function (p) { plan = p && typeof p === 'object' ? p : {}; },
      next: function (tool) {
        if (!Object.prototype.hasOwnProperty.call(plan, tool)) return undefined;
        const index = counts[tool] || 0;
        counts[tool] = index + 1;
        const d = decide(tool, plan[tool], index);
        d.async = plan[tool].async === true;
        return d;
      },
      inject: inject,
      junkValue: junkValue,
    };
  })();
`;
