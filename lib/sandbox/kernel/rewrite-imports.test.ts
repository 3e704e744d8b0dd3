import { describe, expect, it } from 'vitest';
import { SnippetError } from '../rewrite-snippet';
import { rewriteImports } from './rewrite-imports';

describe('rewriteImports', () => {
  it('turns every form of import into require, keeping each line on its line', () => {
    const source = [
      "import _ from 'lodash';",
      "import * as ns from 'tiny';",
      "import { a, b as c } from 'tiny';",
      "import d, { e } from 'tiny';",
      "import 'side-effect';",
      'import {',
      '  f,',
      "} from 'tiny';",
      "const m = await import('tiny');",
      'throw new Error("line 10");',
    ].join('\n');
    const out = rewriteImports(source);
    expect(out.split('\n')).toEqual([
      "const _ = require.default('lodash');",
      "const ns = require.namespace('tiny');",
      "const { a, b: c } = require('tiny');",
      "const d = require.default('tiny'), { e } = require('tiny');",
      "require('side-effect');",
      "const { f } = require('tiny');",
      '',
      '',
      "const m = await require.import('tiny');",
      'throw new Error("line 10");',
    ]);
  });

  it('leaves code without imports, and code it cannot parse, as it is', () => {
    expect(rewriteImports('const x = 1;\nx + 1')).toBe('const x = 1;\nx + 1');
    expect(rewriteImports('let = = 2;')).toBe('let = = 2;');
  });

  it('refuses export, saying why', () => {
    expect(() => rewriteImports('const a = 1;\nexport { a };')).toThrow(SnippetError);
    try {
      rewriteImports('const a = 1;\nexport { a };');
    } catch (e) {
      expect((e as SnippetError).error).toMatchObject({ type: 'SyntaxError', line: 2 });
    }
  });
});
