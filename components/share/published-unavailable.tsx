'use client';

// The server could not read a published record (its database is down or failing): says so, instead of a bare 500.
export function PublishedUnavailable({ retry }: { retry: () => void }) {
  return (
    <main className="mx-auto max-w-xl space-y-3 p-6 text-sm">
      <h1 className="text-lg font-semibold">This published playground cannot be read right now</h1>
      <p>The app&apos;s server could not reach its database. Nothing was lost: try again in a moment.</p>
      <button type="button" className="underline" onClick={retry}>
        Try again
      </button>
    </main>
  );
}
