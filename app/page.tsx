import { connection } from 'next/server';
import { Playground } from '@/components/playground/client-entry';

export default async function Home() {
  // Rendered per request, so Next can put this answer's CSP nonce on its scripts (proxy.ts).
  await connection();
  return <Playground />;
}
