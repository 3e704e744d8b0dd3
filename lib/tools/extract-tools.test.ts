import { describe, expect, it } from 'vitest';
import { findExample } from '../playground/examples';
import { appendCode, extractTools, importToolsCode, lineComment } from './extract-tools';
import { compileTools } from './compile-tools';

const warmest = findExample('warmest-city')!.playground.tools;
const products = findExample('top-products')!.playground.tools;
const ADD = '/**\n * Adds.\n * @param a A.\n * @param b B.\n */\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n';
const note = (tool: string) => lineComment(`${tool} from https://agent-playground.example/p/abcdefghijkl`);

describe('taking tools out of another tools source', () => {
  it('brings each tool with the types, constants and helpers it uses, and nothing else', () => {
    const [forecast, convert] = extractTools(warmest, ['get_forecast', 'convert_temperature']);
    expect(forecast!.helpers.sort()).toEqual(['FORECASTS', 'Forecast']);
    expect(forecast!.code).toContain('export async function get_forecast');
    expect(forecast!.code).not.toContain('convert_temperature');
    expect(convert!.helpers).toEqual(['round1']);
  });

  it('appends the chosen tools under a comment naming the link, and the result compiles to the old tools plus the new', () => {
    const result = importToolsCode(products, ['get_product'], ADD, note);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const merged = appendCode(ADD, result.code);
    expect(merged).toContain('// get_product from https://agent-playground.example/p/abcdefghijkl\n');
    const compiled = compileTools(merged);
    expect(compiled.errors).toEqual([]);
    expect(compiled.tools.map((t) => t.name)).toEqual(['add', 'get_product']);
    // list_orders was not chosen, and get_product does not need it or ORDERS.
    expect(merged).not.toContain('list_orders');
    expect(merged).not.toContain('const ORDERS');
  });

  it('refuses a tool whose name is already taken by a different one, naming it; an identical one is not added twice', () => {
    const mine = ADD.replace('add', 'get_product');
    const clash = importToolsCode(products, ['get_product'], mine.replace('Adds.', 'Mine.'), note);
    expect(clash).toEqual({ ok: false, problems: [expect.stringMatching(/^`get_product` is already the name of something else in your playground: rename yours first/)] });
    const helperClash = importToolsCode(warmest, ['convert_temperature'], 'function round1(x: number) { return x; }\n', note);
    expect(helperClash).toEqual({ ok: false, problems: [expect.stringMatching(/`convert_temperature` needs `round1`, and your tools already have a different `round1`/)] });
    const builtin = importToolsCode(ADD, ['add'], '', note, ['add']);
    expect(builtin.ok).toBe(false);

    const again = importToolsCode(warmest, ['convert_temperature'], warmest, note);
    expect(again).toEqual({ ok: true, code: '', added: [], alreadyThere: ['convert_temperature'] });
  });

  it('keeps a tool that a chosen tool calls as an unexported helper, so the model is not offered it', () => {
    const source = `${ADD}\n/**\n * Doubles.\n * @param x X.\n */\nexport function double(x: number): number {\n  return add(x, x);\n}\n`;
    const result = importToolsCode(source, ['double'], '', note);
    expect(result.ok && compileTools(appendCode('', result.code)).tools.map((t) => t.name)).toEqual(['double']);
    expect(result.ok && result.code).toContain('\nfunction add(a: number');
  });

  it('writes the note as one comment line, whatever the text holds (a title cannot break out into code)', () => {
    expect(lineComment('from “x”\nfinal_answer(1)\u2028*/ alert(1)')).toBe('// from “x” final_answer(1) */ alert(1)');
    const compiled = compileTools(`${lineComment('a\r\nexport function evil() {}')}\n`);
    expect(compiled.tools).toEqual([]);
  });
});
