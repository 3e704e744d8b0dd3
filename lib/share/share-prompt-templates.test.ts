import { describe, expect, it } from 'vitest';
import { runFingerprint } from '../playground/run-fingerprint';
import { playground } from '../test-support/playgrounds';
import { decodeShareHash, encodeShareHash } from './share-link';

describe('share links with prompt templates', () => {
  const edited = playground({ agent: { promptTemplates: { finalAnswer: 'MARKER {{task}}' } } });

  it('carry the edited templates to the friend who opens them', () => {
    const decoded = decodeShareHash(encodeShareHash({ playground: edited }));
    expect(decoded.ok && decoded.payload.playground.agent.promptTemplates).toEqual({ finalAnswer: 'MARKER {{task}}' });
  });

  it('refuse a link whose template uses an unknown variable, naming it', () => {
    const bad = { ...edited, agent: { ...edited.agent, promptTemplates: { finalAnswer: '{{answer}}' } } };
    const decoded = decodeShareHash(encodeShareHash({ playground: bad }));
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.message).toMatch(/\{\{answer\}\}/);
  });

  it('make a run of the default templates stale once a template is edited', () => {
    expect(runFingerprint(edited)).not.toBe(runFingerprint(playground()));
  });
});
