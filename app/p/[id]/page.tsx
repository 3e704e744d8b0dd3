// /p/<id>: a published playground opens as a hash link with the same payload would (a new library item, under review).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { PublishedPlayground } from '@/components/share/published-playground';
import { publishedOrNotFound } from '../load-published';

export const metadata: Metadata = { title: 'Published playground · Agent Playground' };

export default async function PublishedPage({ params }: { params: Promise<{ id: string }> }) {
  // Per request: the proxy's CSP nonce goes on the scripts, and an unpublished record is gone at once.
  await connection();
  const payload = await publishedOrNotFound((await params).id, notFound);
  return <PublishedPlayground payload={payload} />;
}
