// /embed/<id>: a published run for other sites' iframes (its own frame-ancestors; see proxy.ts). Read-only, no keys.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { EmbedView } from '@/components/embed/embed-view';
import { publishedOrNotFound } from '../../p/load-published';

export const metadata: Metadata = { title: 'Recorded run · Agent Playground' };

export default async function EmbedPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const payload = await publishedOrNotFound(id, notFound);
  return <EmbedView id={id} payload={payload} />;
}
