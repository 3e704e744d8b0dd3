import { describe, expect, it } from 'vitest';
import { describeChanges, diffVariables } from './variables-diff';

const v = (name: string, preview: string, type = 'number') => ({ name, type, preview });

describe('variables diff', () => {
  it('marks new, changed, same and gone names', () => {
    const rows = diffVariables({ names: [v('a', '1'), v('b', '2'), v('c', '3')], total: 3 }, { names: [v('a', '1'), v('b', '5'), v('d', '"x"', 'string')], total: 3 });
    expect(rows.map((r) => [r.name, r.change])).toEqual([['a', 'same'], ['b', 'changed'], ['d', 'new'], ['c', 'gone']]);
    expect(describeChanges(rows)).toBe('1 new, 1 changed, 1 gone');
  });

  it('the first snapshot is all new; a cut list never calls a name gone', () => {
    expect(diffVariables(undefined, { names: [v('a', '1')], total: 1 })[0]!.change).toBe('new');
    expect(diffVariables({ names: [v('z', '1')], total: 1 }, { names: [v('a', '1')], total: 150 }).map((r) => r.change)).toEqual(['new']);
    expect(describeChanges(diffVariables({ names: [v('a', '1')], total: 1 }, { names: [v('a', '1')], total: 1 }))).toBe('no change');
  });
});
