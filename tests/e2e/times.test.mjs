// End-to-end tests of a schedule as attendees use it (tests/fixtures/schedule.toml, built by
// `scripts/build-fixture schedule`): times in the event's zone or their own (the browser's
// zone set with Playwright's `timezoneId`), days that follow the zone, the day, track, room and
// language facets, time order with past talks last (the clock fixed), typed links, and the
// seed build without any of it.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './axe.mjs';
import { DIST, catalogSuite, fixtureDist, openCatalog, shownIds, stableIds, waitFor } from './harness.mjs';
import { article, facetBox, setFacet } from './dom.mjs';

/** Before the event (Saturday 28 March 2026 is its first day), in Berlin and in English. */
const BEFORE = '2026-03-01T12:00:00Z';

function options({ timezoneId = 'Europe/Berlin', now = BEFORE } = {}) {
  return {
    contextOptions: { timezoneId, locale: 'en-GB' },
    beforeLoad: (context) => context.clock.setFixedTime(new Date(now)),
  };
}

const suite = catalogSuite({ before, after, beforeEach, afterEach }, { root: fixtureDist('schedule'), open: options() });
const { assertNoErrors } = suite;

/** The card's when-and-where line. */
const when = (page, id) => article(page, id).locator('.tc-when').textContent();

/** Picks a zone in "Times in" and waits until `id`'s time reads `expected`. */
async function showTimesIn(page, zone, id, expected) {
  await page.getByLabel('Times in').selectOption(zone);
  await waitFor(async () => expected.test(await when(page, id)), { message: `${id} at ${expected}` });
}

test('times read in the event zone with its name, across its daylight-saving change', async () => {
  const page = await suite.reopen('', options({ timezoneId: 'America/New_York' }));
  // Berlin is UTC+1 on the 28th and UTC+2 from the 29th: both labelled.
  assert.match(await when(page, 'hessian-free'), /^Sat 28 Mar, 10:00\s*–\s*10:45\s*CET · Saal 1$/);
  assert.match(await when(page, 'schrittweiten'), /^Mon 30 Mar, 09:30\s*–\s*10:15\s*CEST · Saal 2$/);
  // Written with an offset (+02:00), it is the same instant: 17:00 in Berlin.
  assert.match(await when(page, 'closing-panel'), /^Mon 30 Mar, 17:00\s*–\s*18:00\s*CEST · Saal 1$/);
  assert.equal(await article(page, 'hessian-free').locator('time').getAttribute('datetime'), '2026-03-28T09:00:00Z');
  assertNoErrors();
});

test('"My time" shows the viewer zone, is remembered, and days follow it', async () => {
  let page = await suite.reopen('', options({ timezoneId: 'America/New_York' }));
  // New York is on daylight time already (since 8 March): 09:00Z is 05:00.
  await showTimesIn(page, 'local', 'hessian-free', /^Sat 28 Mar, 05:00\s*–\s*05:45\s*GMT-4/);
  assert.match(await page.getByLabel('Times in').locator('option:checked').textContent(), /America\/New_York/);
  await page.reload();
  await page.waitForSelector('[data-ready] article[data-talk-id]', { state: 'attached' });
  assert.equal(await page.getByLabel('Times in').inputValue(), 'local', 'the choice survives a reload');
  assert.match(await when(page, 'schrittweiten'), /^Mon 30 Mar, 03:30\s*–\s*04:15/);

  // Auckland is UTC+13: the closing panel (15:00Z) is on Tuesday the 31st there.
  page = await suite.reopen('', options({ timezoneId: 'Pacific/Auckland' }));
  await showTimesIn(page, 'local', 'closing-panel', /^Tue 31 Mar, 04:00\s*–\s*05:00\s*GMT\+13/);
  const headings = await page.locator('.tc-group-title').allTextContents();
  assert.deepEqual(headings, ['Saturday 28 March', 'Monday 30 March', 'Tuesday 31 March']);
  assert.ok(await facetBox(page, 'Day', 'Tue 31 Mar').isVisible());
  assert.deepEqual(await setFacet(page, 'Day', 'Tue 31 Mar'), ['closing-panel']);
  await assertAccessible(page, 'schedule, viewer zone, a day chosen');
  // Back in Berlin, the 31st has no talks: that choice goes, and every talk is back.
  await page.getByLabel('Times in').selectOption('event');
  assert.deepEqual(await stableIds(page, 'in the event zone again'), ['hessian-free', 'schrittweiten', 'closing-panel']);
  assert.match(await when(page, 'closing-panel'), /^Mon 30 Mar, 17:00/);
  assertNoErrors();
});

test('day, track, room and language facets filter, count and live in the URL', async () => {
  const { page } = suite.session;
  assert.deepEqual(await page.locator('.tc-facet legend').allTextContents(), ['Day', 'Track', 'Room', 'Language', 'Topic', 'Institution', 'Format']);
  assert.deepEqual(await setFacet(page, 'Day', 'Mon 30 Mar'), ['schrittweiten', 'closing-panel']);
  assert.deepEqual(await setFacet(page, 'Room', 'Saal 1'), ['closing-panel']);
  // Within a facet values are ORed, so Saal 2 still counts its talk on that day.
  assert.match(await facetBox(page, 'Room', 'Saal 2').locator('xpath=..').textContent(), /\(1\)/);
  await waitFor(() => /tc-day=2026-03-30/.test(page.url()) && /tc-room=Saal\+1/.test(page.url()), { message: 'the URL' });
  const shared = await suite.reopen(new URL(page.url()).search, options());
  assert.deepEqual(await stableIds(shared, 'the shared link'), ['closing-panel']);
  await setFacet(shared, 'Day', 'Mon 30 Mar', false);
  await setFacet(shared, 'Room', 'Saal 1', false);
  assert.deepEqual(await setFacet(shared, 'Language', 'German'), ['schrittweiten']);
  // No German talk in the Methods track: offered, counted 0, not selectable.
  assert.ok(await facetBox(shared, 'Track', 'Methods').isDisabled());
  assert.equal(await article(shared, 'schrittweiten').locator('.tc-label').last().textContent(), 'German');
  await assertAccessible(shared, 'schedule, a language chosen');
  assertNoErrors(suite.session);
});

test('time order is the default; once talks are over they follow, latest first, as "Past talks"', async () => {
  let page = suite.session.page;
  assert.equal(await page.getByLabel('Sort by').inputValue(), 'time');
  assert.deepEqual(await shownIds(page), ['hessian-free', 'schrittweiten', 'closing-panel']);
  assert.equal(await page.locator('.tc-group-title').first().evaluate((heading) => heading.tagName), 'H2');
  assert.equal(await article(page, 'hessian-free').locator('.tc-talk-title').evaluate((heading) => heading.tagName), 'H3');

  // During the second day's first talk.
  page = await suite.reopen('', options({ now: '2026-03-30T07:45:00Z' }));
  assert.deepEqual(await shownIds(page), ['schrittweiten', 'closing-panel', 'hessian-free']);
  assert.deepEqual(await page.locator('.tc-group-title').allTextContents(), ['Monday 30 March', 'Past talks']);
  await assertAccessible(page, 'schedule, past talks');
  // Another order: no groups.
  await page.getByLabel('Sort by').selectOption('title');
  await waitFor(async () => (await page.locator('.tc-group-title').count()) === 0, { message: 'no groups' });
  assertNoErrors(suite.session);
});

test('typed links and speaker pages are labelled links that open safely', async () => {
  const { page } = suite.session;
  const links = article(page, 'hessian-free').locator('.tc-links a');
  assert.deepEqual(await links.allTextContents(), ['Slides', 'Video', 'Recording (German audio)', 'Paper', 'Code', 'Notes']);
  for (const link of await links.all()) {
    assert.equal(await link.getAttribute('rel'), 'noopener');
    assert.match(await link.getAttribute('href'), /^https:\/\//);
  }
  const speaker = article(page, 'hessian-free').getByRole('link', { name: 'Ada Lovelace' });
  assert.equal(await speaker.getAttribute('href'), 'https://example.org/ada');
  assert.equal(await speaker.getAttribute('rel'), 'noopener');
  assert.deepEqual(await article(page, 'schrittweiten').locator('.tc-label').allTextContents(), ['Theory', 'German']);
  assertNoErrors();
});

test('the pre-rendered page has the times, formatted in the event zone at build time', async () => {
  const html = await (await fetch(suite.server.url)).text();
  assert.match(html, /<time datetime="2026-03-28T09:00:00Z">Sat 28 Mar, 10:00–10:45 CET<\/time>/);
  assert.match(html, /<time datetime="2026-03-30T07:30:00Z">Mon 30 Mar, 09:30–10:15 CEST<\/time>/);
});

test('the seed build, without times, has no times, zone switch, time order or schedule facets', async () => {
  const { startServer } = await import('./harness.mjs');
  const server = await startServer(DIST);
  const session = await openCatalog(suite.browser, server.url);
  try {
    const { page } = session;
    assert.equal(await page.locator('.tc-when, .tc-group, .tc-links, .tc-labels, #tc-zone-select').count(), 0);
    assert.equal(await page.locator('#tc-sort-select option[value="time"]').count(), 0);
    assert.deepEqual(await page.locator('.tc-facet legend').allTextContents(), ['Topic', 'Institution', 'Format']);
    assert.deepEqual(session.errors, []);
  } finally {
    await session.close();
    await server.close();
  }
});
