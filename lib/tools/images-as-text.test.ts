import { describe, expect, it } from 'vitest';
import { imageAsText, imagesAsText } from './images-as-text';

describe('images shown as text', () => {
  it('turns markdown and HTML images into text naming the address, which nothing then reads as an image', () => {
    const doc = 'Gets the weather. ![chart](http://attacker.test/p.png "t") and <img src="http://attacker.test/q.gif" alt=\'pixel\'> and ![ref][1]';
    const text = imagesAsText(doc);
    expect(text).toBe(
      'Gets the weather. \\[image: chart — http://attacker.test/p.png\\] and \\[image: pixel — http://attacker.test/q.gif\\] and \\[image: ref\\]',
    );
    expect(text).not.toMatch(/!\[|<img/i);
  });

  it('leaves text without images as it is, and names an image without a description', () => {
    expect(imagesAsText('Plain *markdown* with a [link](https://example.test).')).toBe('Plain *markdown* with a [link](https://example.test).');
    expect(imageAsText('', 'http://x.test/a.png')).toBe('[image: no description — http://x.test/a.png]');
    expect(imagesAsText('<IMG SRC=http://x.test/b.png>')).toBe('\\[image: no description — http://x.test/b.png\\]');
  });
});
