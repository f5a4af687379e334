// End-to-end tests of a catalog that uses the whole data format (tests/fixtures/schedule.toml:
// an event, times, rooms, Markdown abstracts and bios, typed links, a talk without speakers or
// abstract), built by `scripts/build-fixture schedule`: it builds, shows its talks, and its
// rich text is elements, searchable and accessible.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './axe.mjs';
import { catalogSuite, fixtureDist, shownIds, statusText } from './harness.mjs';
import { article, expand, search } from './dom.mjs';

// Before the event, so that no talk is past yet.
const open = { beforeLoad: (context) => context.clock.setFixedTime(new Date('2026-03-01T12:00:00Z')) };
const suite = catalogSuite({ before, after, beforeEach, afterEach }, { root: fixtureDist('schedule'), open });
const { assertNoErrors } = suite;

test('a scheduled catalog shows every talk, including one without speakers or abstract', async () => {
  const { page } = suite.session;
  assert.deepEqual(await shownIds(page), ['hessian-free', 'schrittweiten', 'closing-panel']);
  assert.match(await statusText(page), /\b3 talks\b/);
  const panel = article(page, 'closing-panel');
  assert.equal(await panel.locator('.tc-speaker').count(), 0);
  assert.equal(await panel.locator('.tc-teaser').count(), 0);
  assert.deepEqual(await article(page, 'schrittweiten').locator('.tc-speaker').allTextContents(), ['Emmy Noether']);
  assertNoErrors();
});

test('a Markdown abstract is searchable by its text and shown as elements, matches marked inside', async () => {
  const { page } = suite.session;
  await search(page, 'preconditioning');
  assert.deepEqual(await shownIds(page), ['hessian-free']);
  await expand(page, 'hessian-free');
  const text = article(page, 'hessian-free').locator('.tc-abstract');
  assert.deepEqual(await text.locator(':scope > ol > li > ul > li').allTextContents(), ['diagonal', 'K-FAC']);
  assert.deepEqual(await text.locator('li > mark').allTextContents(), ['Preconditioning']);
  assert.equal(await text.locator('pre > code').textContent(), 'for k in 0..n { x -= step * g(x) }');
  const link = text.locator('a');
  assert.equal(await link.getAttribute('href'), 'https://arxiv.org/abs/1503.05671');
  assert.equal(await link.getAttribute('rel'), 'noopener');
  // Raw HTML in the bio never reaches the page, as markup or as text.
  const bio = article(page, 'hessian-free').locator('.tc-bio');
  assert.equal(await bio.locator('br').count(), 1);
  assert.doesNotMatch(await bio.innerHTML(), /&lt;|<script/);
  assertNoErrors();
});

test('the pre-rendered page already shows the rich text as elements', async () => {
  const response = await fetch(suite.server.url);
  const html = await response.text();
  assert.match(html, /<ol><li dir="auto">Conjugate gradients<\/li>/);
  assert.match(html, /<pre><code>for k in 0\.\.n/);
});

test('axe: a scheduled catalog, collapsed and with a Markdown abstract open', async () => {
  const { page } = suite.session;
  await assertAccessible(page, 'scheduled, initial');
  await expand(page, 'hessian-free');
  await assertAccessible(page, 'scheduled, Markdown abstract open');
  assertNoErrors();
});
