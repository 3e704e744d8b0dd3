// What the Tools tab shows of each built-in tool: its one-line summary and its documented source. No runtime code here,
// so the page can read it without loading the tools themselves (turndown, the TypeScript compiler).
import type { BuiltinToolName } from './types';

export const USER_INPUT_SOURCE = `/**
 * Asks the person running the agent a question and waits for their answer. Use it when the task leaves out
 * something only the person knows; ask one short, clear question at a time.
 * @param question The question to show the person.
 * @returns The person's answer, as they typed it.
 */
export async function user_input(question: string): Promise<string> {
  // Runs on the host, not in the sandbox. The app shows the question with a "Your answer" box and a
  // "Send answer" button; \`npm run agent -- run\` reads one line from stdin. The answer becomes this
  // call's result in the run's events, so a recorded or shared run shows it again without asking.
  return await host.askThePerson(question);
}
`;

export const VISIT_WEBPAGE_SOURCE = `/**
 * Fetches a web page and returns its content as Markdown (HTML converted; plain text and JSON as they are).
 * Pages longer than 10,000 characters are cut, with a note saying how much was left out.
 * Only the hosts the playground allows (Settings → Sandbox → network) can be visited.
 * @param url The full address of the page, starting with http:// or https://.
 * @returns The page as Markdown.
 */
export async function visit_webpage(url: string): Promise<string> {
  // Runs on the host with the tools' own network rules: a host that is not allowed is refused.
  const response = await fetch(url, { headers: { accept: "text/html, text/plain, application/json" } });
  if (!response.ok) throw new Error(\`\${url} answered \${response.status} \${response.statusText}\`);
  const body = await response.text();
  // HTML becomes Markdown with the turndown library (scripts and styles dropped).
  const markdown = isHtml(response) ? turndown(body) : body;
  return cutAt(markdown, 10_000);
}
`;

export const WEB_SEARCH_SOURCE = `/**
 * Searches the web and returns the top results, each with its title, address and a short description.
 * Follow up with visit_webpage(url) to read a result. Needs a Brave Search API key (the person enters it
 * in the Tools tab); without one, or offline, it returns a message saying so instead of results.
 * @param query What to search for, in a few words.
 * @returns The results as a Markdown list, or a message saying why there are none.
 */
export async function web_search(query: string): Promise<string> {
  // Runs on the host: the key stays there, sent only to https://api.search.brave.com, never in traces.
  const response = await fetch(
    "https://api.search.brave.com/res/v1/web/search?count=5&q=" + encodeURIComponent(query),
    { headers: { Accept: "application/json", "X-Subscription-Token": key } },
  );
  const { web } = await response.json();
  return web.results.map((r, i) => \`\${i + 1}. [\${r.title}](\${r.url})\\n   \${r.description}\`).join("\\n");
}
`;

export const BUILTIN_CATALOG: readonly { name: BuiltinToolName; summary: string; source: string }[] = [
  { name: 'user_input', summary: 'Asks you a question mid-run and waits for your answer.', source: USER_INPUT_SOURCE },
  { name: 'visit_webpage', summary: 'Fetches a page from a host the sandbox allows and returns it as Markdown.', source: VISIT_WEBPAGE_SOURCE },
  { name: 'web_search', summary: 'Searches the web with your Brave Search API key.', source: WEB_SEARCH_SOURCE },
];

export function catalogEntry(name: BuiltinToolName): { summary: string; source: string } {
  const { summary, source } = BUILTIN_CATALOG.find((t) => t.name === name)!;
  return { summary, source };
}
