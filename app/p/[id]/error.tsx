'use client';

import { PublishedUnavailable } from '@/components/share/published-unavailable';

// A server error while reading the record (not an unknown id: that is not-found.tsx).
export default function PublishedError({ reset }: { error: Error; reset: () => void }) {
  return <PublishedUnavailable retry={reset} />;
}
