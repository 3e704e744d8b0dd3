// The editor's colours: Monaco's own themes with the token colours that fall under 4.5:1 contrast (WCAG AA) raised.
import type * as Monaco from 'monaco-editor';

const LIGHT = 'playground-light';
const DARK = 'playground-dark';

/** Token colours that replace Monaco's where its defaults are too faint on the editor's background. */
export const DARK_TOKEN_COLOURS: Readonly<Record<string, string>> = {
  // vs-dark's comment green #608B4E is 4.2:1 on #1E1E1E; VS Code's current dark comment colour is 5.0:1.
  comment: '6A9955',
  regexp: 'D16969',
  annotation: 'D7BA7D',
  'variable.predefined': '7BA3DB',
};

export const LIGHT_TOKEN_COLOURS: Readonly<Record<string, string>> = {
  annotation: '6B6B6B',
};

/** Monaco draws the last line's number at 40% opacity when the text ends in a newline (1.5:1): drawn at 4.5:1 or more instead. */
export const DARK_EDITOR_COLOURS: Readonly<Record<string, string>> = { 'editorLineNumber.dimmedForeground': '#858585' };
export const LIGHT_EDITOR_COLOURS: Readonly<Record<string, string>> = { 'editorLineNumber.dimmedForeground': '#6E6E6E' };

/** The editor backgrounds of Monaco's vs and vs-dark themes, which ours inherit. */
export const EDITOR_BACKGROUND = { light: '#FFFFFE', dark: '#1E1E1E' } as const;

const rules = (colours: Readonly<Record<string, string>>): Monaco.editor.ITokenThemeRule[] =>
  Object.entries(colours).map(([token, foreground]) => ({ token, foreground }));

/** Registers both themes with Monaco; call once after it loads. */
export function defineEditorThemes(monaco: typeof Monaco): void {
  monaco.editor.defineTheme(LIGHT, { base: 'vs', inherit: true, rules: rules(LIGHT_TOKEN_COLOURS), colors: { ...LIGHT_EDITOR_COLOURS } });
  monaco.editor.defineTheme(DARK, { base: 'vs-dark', inherit: true, rules: rules(DARK_TOKEN_COLOURS), colors: { ...DARK_EDITOR_COLOURS } });
}

export function monacoTheme(theme: 'light' | 'dark'): string {
  return theme === 'dark' ? DARK : LIGHT;
}
