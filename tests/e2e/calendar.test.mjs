// Calendar export on the schedule fixture (`scripts/build-fixture schedule`), served under the
// strict Content-Security-Policy: "Add to calendar" downloads a talk's .ics and "Export my
// favourites" one of the starred talks, both read back with ical.js; the seed catalog, which
// has no times, shows neither button.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { assertAccessible } from './axe.mjs';
import { STRICT_CSP, catalogSuite, fixtureDist, launch, openCatalog, settle, startServer, waitFor } from './harness.mjs';
import { article, expand } from './dom.mjs';

// A policy violation is logged as a console error, which `assertNoErrors` reports.
const suite = catalogSuite(
  { before, after, beforeEach, afterEach },
  { root: fixtureDist('schedule'), server: { headers: () => ({ 'Content-Security-Policy': STRICT_CSP }) } },
);
const { assertNoErrors } = suite;

/** Clicks `button` (or presses Enter on it, with `key`) and resolves to the file downloaded. */
async function download(page, button, { key = false } = {}) {
  const downloaded = page.waitForEvent('download');
  if (key) {
    await button.focus();
    await page.keyboard.press('Enter');
  } else {
    await button.click();
  }
  const file = await downloaded;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** The events of an iCalendar text, parsed. */
function events(text) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

/** A UTC date-time as an ISO instant, failing on any floating or zoned time. */
function instant(time) {
  assert.equal(time.zone, ICAL.Timezone.utcTimezone, `${time} is in UTC`);
  return time.toJSDate().toISOString();
}

/** Stars the talks `ids`. */
async function star(page, ...ids) {
  for (const id of ids) await article(page, id).locator('button.tc-star').click();
}

const addButton = (page, id) => article(page, id).getByRole('button', { name: 'Add to calendar' });
const exportButton = (page) => page.getByRole('button', { name: 'Export my favourites' });

test('"Add to calendar" downloads the talk as an iCalendar event in UTC, with its room and link', async () => {
  const { page } = suite.session;
  // One per timed talk, in the details.
  await expand(page, 'hessian-free');
  const { name, text } = await download(page, addButton(page, 'hessian-free'), { key: true });
  assert.equal(name, 'hessian-free.ics');
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  const calendar = new ICAL.Component(ICAL.parse(text));
  assert.equal(calendar.getFirstPropertyValue('x-wr-calname'), 'Optimization Days 2026');
  const [event, ...rest] = events(text);
  assert.equal(rest.length, 0);
  assert.equal(event.uid, 'hessian-free@example.org/optdays');
  assert.equal(event.summary, 'Hessian-free methods, revisited');
  // 10:00 and 10:45 in Berlin, in winter time.
  assert.equal(instant(event.startDate), '2026-03-28T09:00:00.000Z');
  assert.equal(instant(event.endDate), '2026-03-28T09:45:00.000Z');
  assert.equal(event.location, 'Saal 1');
  assert.match(event.description, /^Ada Lovelace, Analytical Engines Ltd\n\nSecond-order methods/);
  // The link opens the talk in this catalog.
  const url = new URL(event.component.getFirstPropertyValue('url'));
  assert.equal(url.origin + url.pathname, suite.server.url);
  assert.equal(url.searchParams.get('tc-talk'), 'hessian-free');
  await page.goto(url.href);
  await page.waitForSelector('[data-ready]');
  assert.equal(await article(page, 'hessian-free').locator('button.tc-toggle').getAttribute('aria-expanded'), 'true');
  assertNoErrors();
});

test('a talk in summer time exports its own instant', async () => {
  const { page } = suite.session;
  await expand(page, 'schrittweiten');
  const [event] = events((await download(page, addButton(page, 'schrittweiten'))).text);
  assert.equal(event.uid, 'schrittweiten@example.org/optdays');
  assert.equal(instant(event.startDate), '2026-03-30T07:30:00.000Z');
  assert.equal(event.location, 'Saal 2');
  assertNoErrors();
});

test('"Export my favourites" waits for a starred talk, then downloads the starred talks', async () => {
  const { page } = suite.session;
  const button = exportButton(page);
  assert.equal(await button.isDisabled(), true, 'nothing starred yet');
  assert.match(await button.getAttribute('title'), /star/i);
  await star(page, 'hessian-free', 'closing-panel');
  await waitFor(async () => !(await button.isDisabled()), { message: 'the export to be enabled' });
  assert.equal(await button.getAttribute('title'), null);
  const { name, text } = await download(page, button);
  assert.equal(name, 'optimization-days-2026-favourites.ics');
  const exported = events(text);
  assert.deepEqual(exported.map((event) => event.uid), ['hessian-free@example.org/optdays', 'closing-panel@example.org/optdays']);
  assert.deepEqual(exported.map((event) => instant(event.startDate)), ['2026-03-28T09:00:00.000Z', '2026-03-30T15:00:00.000Z']);
  assertNoErrors();
});

test('axe: the calendar buttons, the export disabled and enabled', async () => {
  // axe-core is injected as an inline script, which the policy would block.
  const page = await suite.reopen('', { contextOptions: { bypassCSP: true } });
  await assertAccessible(page, 'calendar export, nothing starred');
  await star(page, 'closing-panel');
  await expand(page, 'closing-panel');
  await assertAccessible(page, 'calendar export, a talk starred and open');
  assertNoErrors();
});

test('the seed catalog, without times, shows no calendar buttons', async () => {
  const server = await startServer();
  const browser = await launch();
  try {
    const { page, errors } = await openCatalog(browser, server.url);
    const first = await page.getAttribute('article[data-talk-id]', 'data-talk-id');
    await expand(page, first);
    await settle(page);
    assert.equal(await page.getByRole('button', { name: /calendar|export/i }).count(), 0);
    assert.equal(await page.locator('.tc-calendar, .tc-export-favourites').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
