// Helpers for the browser tests: open the app with a given playground saved, as if the person had made it.
import type { Page } from '@playwright/test';
import type { PlaygroundInput } from '../lib/playground/schema';

export const STORAGE_KEY = 'agent-playground:playground';

export async function openWithPlayground(page: Page, doc: PlaygroundInput): Promise<void> {
  await page.goto('/');
  await page.evaluate(
    ([key, value]) => {
      localStorage.clear();
      localStorage.setItem(key, value);
    },
    [STORAGE_KEY, JSON.stringify({ version: 1, state: { doc } })] as const,
  );
  await page.reload();
  await page.getByRole('button', { name: 'Run' }).waitFor();
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

/** Opens a bundled example from the Examples menu (it opens as a new playground; the one before stays in the library). */
export async function openExample(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menu', { name: 'Examples' }).getByRole('menuitem', { name: title }).click();
}
