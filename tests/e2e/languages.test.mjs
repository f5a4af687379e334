// Languages: a host page asks for German with data-lang="de" on the host element; every text
// of the widget is German (counts with their plural), the widget says so with its own lang
// attribute inside the English host page, and axe finds nothing wrong.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible } from './axe.mjs';
import { hostSite, launch, openCatalog, shownIds, statusText, waitFor } from './harness.mjs';

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Our conference</title></head>
<body>
  <main>
    <h1>Our conference</h1>
    <div id="talk-catalog" data-lang="de" data-page-size="8" data-url-sync="false"></div>
  </main>
  <script type="module" src="/talks/embed.js"></script>
</body>
</html>`;

let site;
let browser;

before(async () => {
  site = await hostSite({ 'index.html': PAGE }, 'talks');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

test('data-lang="de" makes the widget German, counts and status included', async () => {
  const { page, errors, close } = await openCatalog(browser, site.url);
  try {
    assert.equal(await page.locator('.tc').getAttribute('lang'), 'de');
    assert.equal(await page.locator('label[for="tc-search-input"]').innerText(), 'Vorträge durchsuchen');
    assert.equal(await page.locator('label[for="tc-sort-select"]').innerText(), 'Sortieren nach');
    assert.equal(await page.locator('.tc-filters summary').innerText(), 'Filter');
    assert.equal((await statusText(page)).trim(), '20 Vorträge');
    assert.equal(await page.locator('article .tc-toggle').first().innerText(), 'Zusammenfassung anzeigen');
    assert.match(await page.locator('.tc-more-talks').innerText(), /^8 von 20 Vorträgen angezeigt\. 8 weitere anzeigen$/);
    await assertAccessible(page, 'German');

    await page.getByRole('searchbox', { name: 'Vorträge durchsuchen' }).fill('hessian');
    await waitFor(async () => (await shownIds(page)).length < 8, { message: 'the search to narrow' });
    const shown = (await shownIds(page)).length;
    await waitFor(async () => (await statusText(page)).trim() === `${shown} von 20 Vorträgen`, {
      message: `the German status for ${shown} talks`,
    });
    assert.equal(await page.locator('.tc-active .tc-link-button').innerText(), 'Alles zurücksetzen');
    await assertAccessible(page, 'German, searched');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
