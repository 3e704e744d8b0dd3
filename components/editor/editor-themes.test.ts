import { describe, expect, it } from 'vitest';
import { DARK_EDITOR_COLOURS, DARK_TOKEN_COLOURS, EDITOR_BACKGROUND, LIGHT_EDITOR_COLOURS, LIGHT_TOKEN_COLOURS } from './editor-themes';

/** WCAG 2 contrast ratio of two #RRGGBB (or RRGGBB) colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const h = hex.replace('#', '');
    const [r, g, bl] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('editor colours', () => {
  it('draws every replaced token colour and the dimmed last line number at 4.5:1 or more on its background', () => {
    for (const colour of [...Object.values(DARK_TOKEN_COLOURS), ...Object.values(DARK_EDITOR_COLOURS)]) {
      expect(contrast(colour, EDITOR_BACKGROUND.dark), colour).toBeGreaterThanOrEqual(4.5);
    }
    for (const colour of [...Object.values(LIGHT_TOKEN_COLOURS), ...Object.values(LIGHT_EDITOR_COLOURS)]) {
      expect(contrast(colour, EDITOR_BACKGROUND.light), colour).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('judges contrast like WCAG does (vs-dark’s old comment green is under 4.5:1)', () => {
    expect(contrast('608B4E', EDITOR_BACKGROUND.dark)).toBeLessThan(4.5);
    expect(contrast('000000', 'FFFFFF')).toBeCloseTo(21, 5);
  });
});
