// axe-core (node_modules/axe-core, injected into the page) on the whole document, with the WCAG
// 2.0, 2.1 and 2.2 A/AA rules plus axe's best practices: shared by the files that audit states.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, settle, waitFor } from './harness.mjs';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe on the whole document once the page is still, and resolves to its violations. */
async function axeViolations(page) {
  await settle(page);
  await waitFor(
    () => page.evaluate(() => document.getAnimations().every((a) => a.playState !== 'running')),
    { message: 'transitions to finish before the audit' },
  );
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: AXE });
  }
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      tags: v.tags.filter((t) => t.startsWith('wcag') || t === 'best-practice'),
      nodes: v.nodes.map((n) => {
        const selector = n.target.flat().join(' ');
        let inWidget = null;
        try {
          inWidget = !!document.querySelector(n.target.flat()[0])?.closest('.tc');
        } catch {
          // A target axe writes in a form querySelector cannot read.
        }
        return { target: selector, inWidget, summary: n.failureSummary?.split('\n').slice(0, 3).join(' | ') };
      }),
    }));
  }, TAGS);
}

function report(state, violations) {
  return [
    `${violations.length} axe violation(s) in the ${state} state:`,
    ...violations.flatMap((v) => [
      `- ${v.id} (${v.impact}; ${v.tags.join(', ')}): ${v.help}`,
      ...v.nodes.map((n) => `    ${n.inWidget ? '[widget]' : '[page]  '} ${n.target}  — ${n.summary}`),
    ]),
  ].join('\n');
}

export async function assertAccessible(page, state) {
  const violations = await axeViolations(page);
  if (violations.length) console.log(report(state, violations));
  assert.equal(violations.length, 0, report(state, violations));
}

