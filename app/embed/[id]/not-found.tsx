// An unknown or unpublished id inside someone's page: says so (HTTP 404), with the way to the playground.
export default function EmbedNotFound() {
  return (
    <main className="space-y-2 p-4 text-sm">
      <h1 className="font-semibold">This published playground does not exist or was unpublished</h1>
      <p>
        <a href="/" target="_blank" rel="noopener noreferrer" className="underline">
          Open the playground
        </a>
      </p>
    </main>
  );
}
