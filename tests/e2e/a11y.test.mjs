// Accessibility checks with axe-core (node_modules/axe-core, injected into the page) against the
// release build (dist/) in headless Chromium. axe runs on the whole document with the WCAG 2.0,
// 2.1 and 2.2 A/AA rules plus axe's best practices, in eleven states: initial, filtered, expanded,
// a shared favourites list with a link that could not be copied, empty, dark, a 390px phone
// with the filters opened, long facets folded and unfolded, the pre-rendered page without
// JavaScript, and a static page of talks. Every state must have zero violations;
// a failure lists each violation's id, impact, help and target nodes, and says for each node
// whether it is inside the widget (`.tc`) or in the host page around it.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertAccessible } from './axe.mjs';
import { catalogSuite, DIST, stableIds, waitFor } from './harness.mjs';
import { search, setFacet as tick, toggleOf } from './dom.mjs';
import { pagedSite } from './static-site.mjs';

const PART_1 = 'beirami-safety-vulnerabilities';

const suite = catalogSuite({ before, after, beforeEach, afterEach });
const { assertNoErrors, reopen } = suite;

async function expand(page, id) {
  const button = toggleOf(page, id);
  await button.click();
  await waitFor(async () => (await button.getAttribute('aria-expanded')) === 'true', {
    message: `${id} to expand`,
  });
}

test('axe: initial state', async () => {
  const { page } = suite.session;
  await stableIds(page, 'on load');
  await assertAccessible(page, 'initial');
  assertNoErrors();
});

test('axe: filtered (a topic ticked and a query)', async () => {
  const { page } = suite.session;
  await tick(page, 'Topic', 'Optimization');
  const ids = await search(page, 'hessian');
  assert.ok(ids.length > 0, 'something is shown');
  assert.ok(await page.locator('.tc-chips button').count(), 'a filter chip is shown');
  assert.ok(await page.locator('mark').count(), 'matches are highlighted');
  await assertAccessible(page, 'filtered');
  assertNoErrors();
});

test('axe: expanded (a tutorial part with its series, and a talk with a bio)', async () => {
  const { page } = suite.session;
  await expand(page, PART_1);
  await expand(page, 'kalai-hallucinations');
  assert.ok(await page.locator(`article[data-talk-id="${PART_1}"] nav.tc-series`).isVisible());
  assert.ok(await page.locator('article[data-talk-id="kalai-hallucinations"] .tc-bio').isVisible());
  await assertAccessible(page, 'expanded');
  assertNoErrors();
});

test("axe: someone's shared favourites, and a link that could not be copied", async () => {
  const page = await reopen('/?tc-fav=udell-hessian&tc-fav=kalai-hallucinations&tc-favonly=1', {
    beforeLoad: (context) =>
      context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined })),
  });
  assert.ok(await page.getByRole('region', { name: 'Shared favourites' }).isVisible());
  await expand(page, 'udell-hessian');
  await page.locator('article[data-talk-id="udell-hessian"]').getByRole('button', { name: 'Copy link' }).click();
  await page.getByRole('textbox', { name: 'Link to this talk' }).waitFor();
  await assertAccessible(page, 'shared favourites and copy field');
  assertNoErrors();
});

test('axe: empty (no results)', async () => {
  const { page } = suite.session;
  await tick(page, 'Topic', 'Control');
  assert.deepEqual(await search(page, 'zzzqqq'), []);
  assert.ok(await page.locator('.tc-empty').isVisible());
  await assertAccessible(page, 'empty');
  assertNoErrors();
});

test('axe: dark colour scheme', async () => {
  const page = await reopen('/', { contextOptions: { colorScheme: 'dark' } });
  assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
  // Marks, a pressed tag and an opened talk, so their dark colours are checked too.
  await search(page, 'hessian');
  await page.locator('article[data-talk-id="udell-hessian"] button.tc-tag').first().click();
  await stableIds(page, 'after pressing a tag');
  await expand(page, 'udell-hessian');
  await assertAccessible(page, 'dark');
  assertNoErrors();
});

test('axe: 390px phone with the filters opened', async () => {
  const page = await reopen('/', { contextOptions: { viewport: { width: 390, height: 844 } } });
  const details = page.locator('details.tc-filters');
  await details.locator(':scope > summary').click();
  await waitFor(() => details.evaluate((d) => d.open), { message: 'the filters to open' });
  await assertAccessible(page, 'phone');
  assertNoErrors();
});

test('axe: long facets folded to their top values, and unfolded', async () => {
  // data-facet-top="5" on the host element, set before the app reads it: the seed's topics
  // and institutions then list their top 5 and a "Show all" button.
  const page = await reopen('/', {
    beforeLoad: (context) =>
      context.addInitScript(() =>
        addEventListener('DOMContentLoaded', () => document.getElementById('talk-catalog').setAttribute('data-facet-top', '5')),
      ),
  });
  const toggle = page.locator('button[aria-controls="tc-facet-institutions"]');
  assert.equal(await toggle.innerText(), 'Show all 15 institutions');
  await assertAccessible(page, 'folded facets');
  await toggle.click();
  await waitFor(async () => (await toggle.getAttribute('aria-expanded')) === 'true', { message: 'every institution' });
  await assertAccessible(page, 'unfolded facets');
  assertNoErrors();
});

test('axe: without JavaScript (the pre-rendered page)', async () => {
  // axe itself needs JavaScript, so the page runs it but not the app (its script and wasm are
  // blocked), and the stylesheet's `(scripting: none)` rules are applied as if scripting were off.
  const context = await suite.browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.route(/\.(js|wasm)$/, (route) => route.abort());
    await page.goto(suite.server.url);
    const sheet = (await readdir(DIST)).find((name) => /^catalog-.*\.css$/.test(name));
    const css = await readFile(join(DIST, sheet), 'utf8');
    // Release builds minify the stylesheet: `@media print,(scripting:none)`.
    assert.match(css, /\(scripting: ?none\)/);
    await page.addStyleTag({ content: css.replaceAll(/@media (print, ?)?\(scripting: ?none\)/g, '@media all') });
    assert.equal(await page.locator('.tc-details').first().isVisible(), true, 'abstracts shown as without JavaScript');
    assert.equal(await page.locator('input[type="search"]').isVisible(), false);
    assert.equal(await page.locator('article[data-talk-id]').count(), 20);
    await assertAccessible(page, 'no-JavaScript');
  } finally {
    await context.close();
  }
});

test('axe: a static page of talks (pages/2.html, for readers without JavaScript)', async () => {
  const site = await pagedSite();
  const context = await suite.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(new URL('pages/2.html', site.url).href);
    assert.ok(await page.getByRole('navigation', { name: 'Pages of talks' }).isVisible());
    await assertAccessible(page, 'static page');
  } finally {
    await context.close();
    await site.close();
  }
});
