'use client';
// Keeps the analysis fed with the MCP servers' tools: lists each server of the open playground that was never listed
// (once it may be contacted: a playground from outside waits for its review), and re-analyzes when a listing changes.
import { useEffect } from 'react';
import { scheduleAnalysis } from '@/lib/store/analysis-store';
import { useLibraryStore } from '@/lib/store/library-store';
import { listingsFor, listNewServers, useMcpStore } from '@/lib/store/mcp-store';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { useTrustStore } from '@/lib/store/trust-store';

/** `active`: the app has loaded the playground (and opened any shared link), so what it holds is what the person sees. */
export function useMcpListings(active: boolean): void {
  const doc = usePlaygroundStore((s) => s.doc);
  const statuses = useMcpStore((s) => s.statuses);
  const untrusted = useTrustStore((s) => s.untrusted);
  const currentId = useLibraryStore((s) => s.currentId);

  useEffect(() => {
    if (active) listNewServers(doc);
  }, [active, doc, untrusted, currentId]);

  useEffect(() => {
    if (active) scheduleAnalysis(doc, listingsFor(doc, statuses));
  }, [active, doc, statuses]);
}
