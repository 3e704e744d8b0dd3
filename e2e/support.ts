// Helpers for the browser tests: open the app with a given playground saved, as if the person had made it.
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { playgroundSchema, type Playground, type PlaygroundInput } from '../lib/playground/schema';
import '../lib/share/link-dictionary-register';
import { encodeShareHash } from '../lib/share/share-link';

export const STORAGE_KEY = 'agent-playground:playground';

/**
 * Puts these entries in local storage before the app's first script runs on this page's next load, once: written
 * after a load instead, the app's own first save (when it has read the storage) could land after them and undo them.
 */
export async function seedStorage(page: Page, entries: Record<string, string>): Promise<void> {
  const once = `e2e:seeded:${crypto.randomUUID()}`;
  await page.addInitScript(
    ([flag, pairs]) => {
      // Only the app's own top page: about:blank and sandboxed frames have no storage to seed.
      if (window !== window.top || location.origin === 'null') return;
      if (sessionStorage.getItem(flag)) return; // a reload keeps what the app saved since
      sessionStorage.setItem(flag, '1');
      localStorage.clear();
      for (const [key, value] of pairs) localStorage.setItem(key, value);
    },
    [once, Object.entries(entries)] as const,
  );
}

export async function openWithPlayground(page: Page, doc: PlaygroundInput): Promise<void> {
  await seedStorage(page, { [STORAGE_KEY]: JSON.stringify({ version: 1, state: { doc } }) });
  await page.goto('/');
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
}

export const ADD_TOOL = `/**
 * Adds two numbers.
 * @param a The first number.
 * @param b The second number.
 */
export function add(a: number, b: number): number {
  return a + b;
}
`;

export const fence = (code: string, thought = 'Thought: next.') => `${thought}\n\`\`\`js\n${code}\n\`\`\``;

/** The playground a friend shares: one tool, a replayed answer, so it runs offline once trusted. */
export function adderFromAFriend(): Playground {
  return playgroundSchema.parse({
    version: 1,
    title: 'Adder from a friend',
    task: 'Add 2 and 3.',
    tools: ADD_TOOL,
    model: { provider: 'replay', responses: [fence('final_answer(add(2, 3))')], delayMs: 0 },
  });
}

/** The share link (path and hash) of the friend's adder. */
export const adderFromAFriendLink = (): string => `/#${encodeShareHash({ playground: adderFromAFriend() })}`;

/** Opens a bundled example from the Examples menu (it opens as a new playground; the one before stays in the library). */
export async function openExample(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menu', { name: 'Examples' }).getByRole('menuitem', { name: title }).click();
}

/** Writes the model's turn in the manual composer (text, or tool calls as JSON) and sends it. */
export async function sendAsModel(composer: Locator, answer: string): Promise<void> {
  await composer.getByRole('textbox', { name: /^(Your answer|Tool calls \(JSON\))$/ }).fill(answer);
  await composer.getByRole('button', { name: 'Send as the model' }).click();
}

/** A page in a browser context of its own (no storage shared with `page`), held to the same offline rules as the fixture's. */
export async function freshPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const external: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (['data:', 'blob:'].includes(url.protocol) || ['127.0.0.1', 'localhost'].includes(url.hostname)) return route.continue();
    external.push(url.href);
    return route.abort();
  });
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  return {
    page,
    async close() {
      await context.close();
      expect(external, 'requests that left 127.0.0.1').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    },
  };
}
