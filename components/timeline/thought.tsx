'use client';
// The model's thought as markdown. Raw HTML shows as text, unsafe links are dropped, images are never fetched.
import { memo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { imageAsText } from '@/lib/tools/images-as-text';

const components: Components = {
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  ),
  // Model output must not make the browser fetch anything.
  img: ({ alt, src }) => <span className="muted">{imageAsText(alt, typeof src === 'string' ? src : undefined)}</span>,
};

export const Thought = memo(function Thought({ text }: { text: string }) {
  return (
    <div data-testid="step-thought" className="prose-thought text-sm leading-6">
      <Markdown components={components}>{text}</Markdown>
    </div>
  );
});
