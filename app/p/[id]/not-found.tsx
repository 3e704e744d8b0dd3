import Link from 'next/link';

// An unknown or unpublished id: a page that says so (HTTP 404), and the way to the playground.
export default function PublishedNotFound() {
  return (
    <main className="mx-auto max-w-xl space-y-3 p-6">
      <h1 className="text-lg font-semibold">This published playground does not exist or was unpublished</h1>
      <p className="muted text-sm">Whoever published it may have removed it, or the link was changed when it was copied. Ask them for the link again.</p>
      <p>
        <Link href="/" className="underline">
          Open the playground
        </Link>
      </p>
    </main>
  );
}
