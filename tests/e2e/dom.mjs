// DOM helpers shared by the e2e test files: the search box, talk cards and their disclosure
// buttons, and the facet checkboxes (found through their accessible roles and names).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, settle, stableIds, waitFor } from './harness.mjs';

/** The seed talk list, one line per title, speaker, abstract paragraph and bio paragraph. */
const SEED = join(ROOT, 'tests', 'fixtures', 'seed-talks.txt');

/**
 * The talks' text in the seed's line format: per talk its title, `li.tc-speaker` lines
 * ("Name, Affiliation"), `.tc-abstract p` and `.tc-bio p`. With `visible`, an element the
 * reader can't see reads as "(hidden)".
 */
export function talkLines(page, { visible = false } = {}) {
  return page.$$eval(
    'article[data-talk-id]',
    (articles, visible) =>
      articles.flatMap((article) => {
        const text = (el) => (visible && !el.checkVisibility() ? '(hidden)' : el.textContent);
        const all = (selector) => [...article.querySelectorAll(selector)].map(text);
        return [text(article.querySelector('.tc-talk-title')), ...all('li.tc-speaker'), ...all('.tc-abstract p'), ...all('.tc-bio p')];
      }),
    visible,
  );
}

/** Asserts that `lines` are the seed's lines, pointing at the first that differs. */
export async function assertSeedText(lines) {
  const want = (await readFile(SEED, 'utf8')).replace(/\r?\n$/, '').split('\n');
  if (lines.join('\n') === want.join('\n')) return;
  // Point at the first differing line rather than dumping two 60 kB strings.
  const i = want.findIndex((line, n) => line !== lines[n]);
  const at = i === -1 ? Math.min(want.length, lines.length) : i;
  assert.fail(
    `rendered text differs from the seed at line ${at + 1} (${lines.length} lines rendered, ${want.length} expected)\n` +
      `  expected: ${JSON.stringify(want[at])}\n  rendered: ${JSON.stringify(lines[at])}`,
  );
}

export function searchBox(page) {
  return page.locator('input[type="search"]');
}

/** Replaces the search box's text in one input event, and resolves to the shown ids. */
export async function search(page, query) {
  await searchBox(page).fill(query);
  return stableIds(page, `after searching ${JSON.stringify(query)}`);
}

export function article(page, id) {
  return page.locator(`article[data-talk-id="${id}"]`);
}

/** A talk's disclosure button (`button.tc-toggle`). */
export function toggleOf(page, id) {
  return article(page, id).locator('button.tc-toggle');
}

/**
 * Asserts that the talk starts collapsed, clicks its disclosure `button` (by default
 * `toggleOf(page, id)`), waits until it reports expanded, and lets the page settle.
 */
export async function expand(page, id, button = toggleOf(page, id)) {
  assert.equal(await button.getAttribute('aria-expanded'), 'false', `${id} starts collapsed`);
  await button.click();
  await waitFor(async () => (await button.getAttribute('aria-expanded')) === 'true', {
    message: `${id} to expand`,
  });
  await settle(page);
}

export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The checkbox of a facet value, by the facet's legend and the label's text before its count. */
export function facetBox(page, legend, name) {
  return page
    .getByRole('group', { name: legend, exact: true })
    .getByRole('checkbox', { name: new RegExp(`^\\s*${escapeRegExp(name)}\\s*\\(\\d+\\)\\s*$`) });
}

/** Ticks or unticks a facet checkbox and waits for the list to settle; resolves to the ids. */
export async function setFacet(page, legend, name, checked = true) {
  const box = facetBox(page, legend, name);
  await box.setChecked(checked);
  await waitFor(async () => (await box.isChecked()) === checked, {
    message: `${legend} ${name} to be ${checked ? 'ticked' : 'unticked'}`,
  });
  return stableIds(page, `after ${checked ? 'ticking' : 'unticking'} ${legend} ${name}`);
}
