// An imported real-world-shaped catalog with times: Sessionize's demo export through
// `scripts/import` (import/tests/expected/sessionize-demo-zoned.toml, Zagreb time), built by
// `scripts/build-fixture import/tests/expected/sessionize-demo-zoned.toml`. Its times read
// right in the event's zone and in two viewers' zones, one on each side of it.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogSuite, fixtureDist, waitFor } from './harness.mjs';
import { article } from './dom.mjs';

/** Opened in `timezoneId`, in English, before the event (27 May 2017). */
const options = (timezoneId) => ({
  contextOptions: { timezoneId, locale: 'en-GB' },
  beforeLoad: (context) => context.clock.setFixedTime(new Date('2017-05-01T12:00:00Z')),
});

const suite = catalogSuite(
  { before, after, beforeEach, afterEach },
  { root: fixtureDist('sessionize-demo-zoned'), open: options('Europe/Zagreb') },
);

const when = (page, id) => article(page, id).locator('.tc-when').textContent();

test("the imported talks read in Zagreb's summer time, and in two viewers' own", async () => {
  // 11:00–12:00 in Zagreb (UTC+2 in May) is 09:00Z.
  assert.match(await when(suite.session.page, 'aidens-session'), /^Sat 27 May, 11:00\s*–\s*12:00\s*CEST · Green Room$/);
  const viewers = [
    ['America/Los_Angeles', /^Sat 27 May, 02:00\s*–\s*03:00\s*GMT-7/],
    ['Asia/Tokyo', /^Sat 27 May, 18:00\s*–\s*19:00\s*GMT\+9/],
  ];
  for (const [zone, expected] of viewers) {
    const page = await suite.reopen('', options(zone));
    assert.match(await when(page, 'aidens-session'), /^Sat 27 May, 11:00/, `${zone}: the event's time first`);
    await page.getByLabel('Times in').selectOption('local');
    await waitFor(async () => expected.test(await when(page, 'aidens-session')), { message: `${zone}: ${expected}` });
    suite.assertNoErrors();
  }
});
