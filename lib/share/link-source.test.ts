import { describe, expect, it } from 'vitest';
import { parseLinkSource, publishedUrl } from './link-source';

describe('what a pasted link names', () => {
  it('reads a bare published id, a /p/ or /embed/ address (its app as the base) and share links in any form', () => {
    expect(parseLinkSource(' Ab3dE_6hIj-k ')).toEqual({ kind: 'published', id: 'Ab3dE_6hIj-k' });
    expect(parseLinkSource('https://agent-playground.example/p/Ab3dE_6hIj-k')).toEqual({ kind: 'published', id: 'Ab3dE_6hIj-k', baseUrl: 'https://agent-playground.example' });
    expect(parseLinkSource('http://127.0.0.1:3000/tools/embed/Ab3dE_6hIj-k/')).toEqual({ kind: 'published', id: 'Ab3dE_6hIj-k', baseUrl: 'http://127.0.0.1:3000/tools' });
    expect(parseLinkSource('https://agent-playground.example/#share=2.abc&step=3')).toEqual({ kind: 'hash', hash: 'share=2.abc&step=3' });
    expect(parseLinkSource('#share=2.abc')).toEqual({ kind: 'hash', hash: 'share=2.abc' });
    expect(parseLinkSource('share=1.abc')).toEqual({ kind: 'hash', hash: 'share=1.abc' });
    expect(publishedUrl('https://a.example/', 'Ab3dE_6hIj-k')).toBe('https://a.example/p/Ab3dE_6hIj-k');
  });

  it('says what to paste instead for anything else', () => {
    for (const input of ['', 'hello world', 'https://example.com/docs', 'file:///etc/passwd', 'javascript:alert(1)', 'https://a.example/p/<script>']) {
      const parsed = parseLinkSource(input);
      expect(parsed.kind, input).toBe('invalid');
      expect(parsed.kind === 'invalid' && parsed.message, input).toMatch(/Paste|not a link|not a published id/);
    }
  });
});
