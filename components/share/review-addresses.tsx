'use client';
// The addresses a playground from outside would contact, listed for review; none is contacted before it is accepted.
import type { ContactAddress } from '@/lib/trust/contact-addresses';

export function ReviewAddresses({ pending, runRefused }: { pending: ContactAddress[]; runRefused: boolean }) {
  if (pending.length === 0) {
    return <span className="block pt-1">It contacts no address when it runs. Trust and enable marks it as yours.</span>;
  }
  return (
    <span className="block space-y-1 pt-1">
      {runRefused && (
        <strong className="block" data-testid="run-held">
          Run is held: accept these addresses first (Trust and enable), or change them by hand in Settings.
        </strong>
      )}
      <span className="block">
        Nothing below is contacted, and none of your keys is offered to it, until you press Trust and enable. Your keys go only to the address each was entered for.
      </span>
      <span className="block font-medium" id="review-addresses-heading">
        It would contact:
      </span>
      <ul className="list-disc pl-5" aria-labelledby="review-addresses-heading" data-testid="review-addresses">
        {pending.map((a) => (
          <li key={a.id}>
            <span className="font-mono font-medium break-all">{a.address}</span> — {a.who.join('; ')}
          </li>
        ))}
      </ul>
    </span>
  );
}
