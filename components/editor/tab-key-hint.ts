// What Tab does in the tools editor, and Monaco's own key that switches it, as one line under the editor.
// Monaco binds "Toggle Tab Key Moves Focus" to Ctrl+M, and to Ctrl+Shift+M on a Mac (Cmd+M minimizes there).

export function tabModeKey(mac: boolean): string {
  return mac ? 'Ctrl+Shift+M' : 'Ctrl+M';
}

/** "Tab indents · Ctrl+M: Tab moves focus", or the other way round once the person has switched. */
export function tabKeyHint(tabMovesFocus: boolean, mac: boolean): string {
  const key = tabModeKey(mac);
  return tabMovesFocus ? `Tab moves focus · ${key}: Tab indents` : `Tab indents · ${key}: Tab moves focus`;
}

/** Whether this browser runs on Apple's systems, where Monaco uses the Mac key bindings. */
export function isApplePlatform(nav: { platform?: string; userAgent?: string } | undefined): boolean {
  if (!nav) return false;
  return /Mac|iPhone|iPad|iPod/.test(nav.platform || nav.userAgent || '');
}
