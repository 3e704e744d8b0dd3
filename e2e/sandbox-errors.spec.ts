// Deep recursion in the playground's QuickJS sandbox (a browser worker, whose host stack is small): recursion that
// fits returns normally, and recursion far too deep, through any path, is a RangeError the snippet catches, with
// every variable kept for the next step.
import { expect, test } from './fixtures';
import { fence, sendAsModel } from './support';

const SHAPES = `function viaMap(n) { return n ? [n - 1].map(viaMap)[0] + 1 : 0; }
function viaGetter(n) { return n ? ({ get next() { return viaGetter(n - 1); } }).next + 1 : 0; }
function viaToString(n) { return n ? Number(\`\${{ toString: () => viaToString(n - 1) }}\`) + 1 : 0; }
const seen = [];
for (const f of [viaMap, viaGetter, viaToString]) {
  try { f(100000); seen.push("no error"); } catch (e) { seen.push(e instanceof RangeError); }
}
console.log("shapes", seen.join(" "), "kept", kept);`;

test('deep recursion is a catchable RangeError in the browser sandbox, and the session keeps its variables', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Model').selectOption('manual');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const composer = page.getByTestId('manual-composer');

  /** The composer is at turn n once the model receives the messages of all earlier steps (system, task, then 2 a step). */
  const atTurn = (n: number) =>
    // The first turn waits for the runner worker to start and load QuickJS: over 8 s on this busy 2-core machine.
    expect(composer.getByRole('button', { name: `What the model receives: ${2 * n} messages` })).toBeVisible({ timeout: n === 1 ? 30_000 : undefined });
  /** Answers as the model and waits for the step's observation. */
  async function step(n: number, code: string, observation: string | RegExp) {
    await atTurn(n);
    await sendAsModel(composer, fence(code));
    const card = page.getByRole('article', { name: `Step ${n}` });
    await expect(card.getByTestId('step-observation')).toContainText(observation);
    await expect(card.getByTestId('step-error')).toHaveCount(0);
  }

  await step(1, 'let kept = 42;\nfunction depth(n) { return n ? 1 + depth(n - 1) : 0; }\nconsole.log("kept", kept);', 'kept 42');
  await step(2, 'console.log("depth", depth(300), "kept", kept);', 'depth 300 kept 42');
  await step(3, 'let caught = "no error";\ntry { depth(100000); } catch (e) { caught = e instanceof RangeError; }\nconsole.log("caught", caught, "kept", kept);', 'caught true kept 42');
  await step(4, SHAPES, 'shapes true true true kept 42');
  await atTurn(5);
  await sendAsModel(composer, fence('final_answer(`kept ${kept}, depth ${depth(300)}`);'));
  await expect(page.getByTestId('final-answer')).toHaveText('kept 42, depth 300');
  // Nothing was restarted along the way: no step says its state was lost.
  await expect(page.getByText(/restarted|was lost/)).toHaveCount(0);
});
