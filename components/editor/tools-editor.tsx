'use client';
// The tools source editor: Monaco with the sandbox's TypeScript setup, loaded on demand from the app itself.
// Until Monaco is there (or if it cannot load) a plain textarea edits the same value.
// Tab indents (Monaco's default); Monaco's Ctrl+M switches Tab to moving the focus, and the hint under the editor
// says which it does now.
import { useEffect, useId, useImperativeHandle, useRef, useState, useSyncExternalStore, type JSX, type Ref } from 'react';
import type * as Monaco from 'monaco-editor';
import { diagnosticMarkers, MARKER_OWNER, type EditorDiagnostic } from './diagnostic-markers';
import { monacoTheme } from './editor-themes';
import { loadMonaco, type MonacoApi } from './load-monaco';
import { isApplePlatform, tabKeyHint } from './tab-key-hint';

export type { EditorDiagnostic } from './diagnostic-markers';

/** What the page may ask of the editor. */
export interface ToolsEditorHandle {
  /** Puts the cursor at a 1-based line and column (clamped to the text), shows that line and focuses the editor. */
  goTo(line: number, column: number): void;
}

export interface ToolsEditorProps {
  ref?: Ref<ToolsEditorHandle>;
  value: string;
  onChange: (value: string) => void;
  /** Shown as error markers at their (1-based) line and column. */
  diagnostics: EditorDiagnostic[];
  theme: 'light' | 'dark';
  ariaLabel?: string;
  className?: string;
}

interface Loaded {
  monaco: MonacoApi;
  editor: Monaco.editor.IStandaloneCodeEditor;
  model: Monaco.editor.ITextModel;
}

const DEFAULT_ARIA_LABEL = 'Tools source (TypeScript)';

let nextModelId = 1;

const MAX_UNECHOED = 100;

export function ToolsEditor({
  ref,
  value,
  onChange,
  diagnostics,
  theme,
  ariaLabel = DEFAULT_ARIA_LABEL,
  className,
}: ToolsEditorProps): JSX.Element {
  const hostRef = useRef<HTMLDivElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  const [tabMovesFocus, setTabMovesFocus] = useState(false);
  const mac = useSyncExternalStore(noSubscription, () => isApplePlatform(globalThis.navigator), () => false);
  const hintId = useId();

  // The latest props, for the editor's long-lived callbacks and for creating it with the current text.
  const latest = useRef({ value, onChange, theme, ariaLabel });
  useEffect(() => {
    latest.current = { value, onChange, theme, ariaLabel };
  });
  // True while the editor takes in a new value from outside, so that it is not reported back as typing.
  const applyingValue = useRef(false);
  // Texts reported by onChange that have not come back as the value prop yet. The prop can lag behind the
  // editor by a keystroke or two; such a stale echo must not overwrite what was typed since.
  const unechoed = useRef<string[]>([]);
  // Set when the textarea had the focus as the editor replaced it.
  const focusWhenShown = useRef(false);

  useEffect(() => {
    let disposed = false;
    let cleanup: (() => void) | undefined;
    loadMonaco().then(
      (monaco) => {
        const host = hostRef.current;
        if (disposed || !host) return;
        const { value: text, theme: currentTheme, ariaLabel: label } = latest.current;
        const model = monaco.editor.createModel(text, 'typescript', monaco.Uri.parse(`file:///tools-${nextModelId++}.ts`));
        const editor = monaco.editor.create(host, {
          model,
          theme: monacoTheme(currentTheme),
          ariaLabel: label,
          automaticLayout: true,
          minimap: { enabled: false },
          fontSize: 13,
          scrollBeyondLastLine: false,
          fixedOverflowWidgets: true,
        });
        // Monaco's own Ctrl+M flips a global flag the page cannot read; this action, on the same key and registered
        // later (so it wins), flips the editor's tabFocusMode option instead, which the hint can show.
        const mac = isApplePlatform(globalThis.navigator);
        const tabMode = editor.addAction({
          id: 'tools.toggleTabMovesFocus',
          label: 'Toggle Tab Key Moves Focus',
          keybindings: [mac ? monaco.KeyMod.WinCtrl | monaco.KeyMod.Shift | monaco.KeyCode.KeyM : monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyM],
          run: () => {
            const next = !editor.getOption(monaco.editor.EditorOption.tabFocusMode);
            editor.updateOptions({ tabFocusMode: next });
            setTabMovesFocus(next);
          },
        });
        const typing = model.onDidChangeContent(() => {
          if (applyingValue.current) return;
          const text = model.getValue();
          unechoed.current.push(text);
          if (unechoed.current.length > MAX_UNECHOED) unechoed.current.shift();
          latest.current.onChange(text);
        });

        // Carry over the caret and focus from the textarea it replaces.
        const textarea = textareaRef.current;
        if (textarea) {
          const start = model.getPositionAt(textarea.selectionStart);
          const end = model.getPositionAt(textarea.selectionEnd);
          editor.setSelection(new monaco.Selection(start.lineNumber, start.column, end.lineNumber, end.column));
          editor.revealPositionInCenterIfOutsideViewport(end);
          focusWhenShown.current = document.activeElement === textarea;
        }

        cleanup = () => {
          typing.dispose();
          tabMode.dispose();
          editor.dispose();
          model.dispose();
        };
        setLoaded({ monaco, editor, model });
      },
      () => {
        if (!disposed) setFailed(true);
      },
    );
    return () => {
      disposed = true;
      cleanup?.();
      setLoaded(null);
    };
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      goTo(line, column) {
        if (loaded) {
          const { monaco, editor, model } = loaded;
          const at = model.validatePosition({ lineNumber: Math.trunc(line) || 1, column: Math.trunc(column) || 1 });
          editor.setSelection(new monaco.Selection(at.lineNumber, at.column, at.lineNumber, at.column));
          editor.revealLineInCenterIfOutsideViewport(at.lineNumber);
          editor.focus();
          return;
        }
        const textarea = textareaRef.current;
        if (!textarea) return;
        const offset = offsetOf(textarea.value, line, column);
        textarea.focus();
        textarea.setSelectionRange(offset, offset);
      },
    }),
    [loaded],
  );

  useEffect(() => {
    if (!loaded || !focusWhenShown.current) return;
    focusWhenShown.current = false;
    loaded.editor.focus();
  }, [loaded]);

  // A value from outside (another example, a reset) replaces the text; typing that comes back is left alone.
  useEffect(() => {
    if (!loaded) return;
    const { editor, model } = loaded;
    if (model.getValue() === value) {
      unechoed.current = [];
      return;
    }
    const echo = unechoed.current.indexOf(value);
    if (echo >= 0) {
      unechoed.current.splice(0, echo + 1);
      return;
    }
    unechoed.current = [];
    const position = editor.getPosition();
    applyingValue.current = true;
    try {
      editor.pushUndoStop();
      editor.executeEdits('value', [{ range: model.getFullModelRange(), text: value }]);
      editor.pushUndoStop();
    } finally {
      applyingValue.current = false;
    }
    if (position) editor.setPosition(model.validatePosition(position));
  }, [loaded, value]);

  useEffect(() => {
    if (!loaded) return;
    const { monaco, model } = loaded;
    monaco.editor.setModelMarkers(model, MARKER_OWNER, diagnosticMarkers(model, diagnostics, monaco.MarkerSeverity.Error));
  }, [loaded, diagnostics]);

  useEffect(() => {
    loaded?.monaco.editor.setTheme(monacoTheme(theme));
  }, [loaded, theme]);

  useEffect(() => {
    loaded?.editor.updateOptions({ ariaLabel });
  }, [loaded, ariaLabel]);

  return (
    <div className={['flex min-h-[320px] flex-col', className].filter(Boolean).join(' ')}>
      <div ref={hostRef} className="min-h-0 flex-1" data-testid="tools-editor-monaco" hidden={!loaded} />
      {!loaded && (
        <textarea
          ref={textareaRef}
          aria-label={ariaLabel}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          className="min-h-0 w-full flex-1 resize-none rounded border border-zinc-300 bg-transparent p-2 font-mono text-[13px] leading-5 dark:border-zinc-700"
        />
      )}
      {loaded && (
        <p id={hintId} data-testid="editor-tab-hint" aria-live="polite" className="muted mt-1 text-xs">
          {tabKeyHint(tabMovesFocus, mac)}
        </p>
      )}
      {failed && !loaded && (
        <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400" role="status">
          The code editor could not be loaded, so this is a plain text box. Your tools source works the same.
        </p>
      )}
    </div>
  );
}

const noSubscription = () => () => {};

/** The offset in `text` of a 1-based line and column, clamped to the text. */
function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n');
  const index = Math.min(Math.max(Math.trunc(line) || 1, 1), lines.length) - 1;
  let offset = 0;
  for (let i = 0; i < index; i++) offset += lines[i]!.length + 1;
  return offset + Math.min(Math.max(Math.trunc(column) || 1, 1) - 1, lines[index]!.length);
}
