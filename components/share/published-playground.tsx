'use client';
// The playground on /p/<id>: the record opens once the library is loaded, as a share link would.
import { useState } from 'react';
import { openPublishedOnStart } from '@/lib/store/share-store';
import { Playground } from '../playground/client-entry';

export function PublishedPlayground({ payload }: { payload: unknown }) {
  // Once per page, before the playground starts (its start-up opens what is queued).
  useState(() => openPublishedOnStart(payload));
  return <Playground />;
}
