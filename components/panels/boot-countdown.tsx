'use client';
// The seconds left before a WebContainer boot gives up, ticking. A timer region: it is visible, and screen readers
// read it on demand instead of hearing every second.
import { useEffect, useState } from 'react';
import { describeCountdown, type WebContainerStatus } from '@/lib/sandbox/webcontainer/webcontainer-status';

export function BootCountdown({ status }: { status: Extract<WebContainerStatus, { state: 'booting' }> }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  return (
    <span role="timer" data-testid="webcontainer-countdown" className="tabular-nums">
      {describeCountdown(status, now)}
    </span>
  );
}
