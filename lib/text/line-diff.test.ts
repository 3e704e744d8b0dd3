import { describe, expect, it } from 'vitest';
import { formatLineDiff, lineDiff } from './line-diff';

describe('line diff', () => {
  it('marks every line the same when nothing changed', () => {
    expect(lineDiff('a\nb', 'a\nb').every((l) => l.kind === 'same')).toBe(true);
  });

  it('shows a changed line as removed then added, and keeps the lines around it', () => {
    expect(formatLineDiff(lineDiff('a\nb\nc', 'a\nB\nc\nd'))).toBe('  a\n- b\n+ B\n  c\n+ d');
  });

  it('shows lines removed at the start', () => {
    expect(lineDiff('x\ny\nz', 'z')).toEqual([
      { kind: 'removed', text: 'x' },
      { kind: 'removed', text: 'y' },
      { kind: 'same', text: 'z' },
    ]);
  });
});
