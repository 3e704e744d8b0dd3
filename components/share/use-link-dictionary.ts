'use client';
// Whether share links can be made yet: their format's dictionary loads the first time the Share dialog opens.
import { useEffect, useState } from 'react';
import { linkDictionariesReady, linkReaderFailed, loadLinkDictionaries } from '@/lib/share/link-dictionary';

export function useLinkDictionary(): { ready: boolean; error?: string } {
  const [state, setState] = useState<{ ready: boolean; error?: string }>(() => ({ ready: linkDictionariesReady() }));
  useEffect(() => {
    if (state.ready) return;
    let live = true;
    loadLinkDictionaries().then(
      () => live && setState({ ready: true }),
      (error: unknown) => live && setState({ ready: false, error: linkReaderFailed(error) }),
    );
    return () => {
      live = false;
    };
  }, [state.ready]);
  return state;
}
