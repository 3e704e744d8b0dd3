// The embed is framed by other sites: its code must not be able to reach a key, a model or a sandbox at all.
import { describe, expect, it } from 'vitest';
import { pageImportGraph } from '../../scripts/page-import-graph';

describe('the embed’s code', () => {
  it('reaches neither the key store nor a model client, the runner or a sandbox', () => {
    const modules = [...pageImportGraph(['app/embed/[id]/page.tsx']).modules.keys()];
    expect(modules).toContain('components/embed/embed-view.tsx');
    expect(modules).toContain('lib/store/embed-store.ts');
    const forbidden = modules.filter((m) => /^lib\/(store\/(key-store|run-store|playground-store|library-store)|runner\/|sandbox\/|models\/(?!prices\.ts|usage\.ts))/.test(m));
    expect(forbidden).toEqual([]);
  });
});
