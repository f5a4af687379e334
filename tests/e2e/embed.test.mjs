// Embedding: a host page adds one element and one module script, with dist/ copied under a
// sub-path (/2026/talks/). The widget mounts into the element, takes its options from data
// attributes, loads everything relative to embed.js, and leaves the host page's styles alone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, launch, openCatalog, shownIds, startServer, waitFor } from './harness.mjs';

const HOST_STYLES = `
  body { font-size: 20px; }
  h1, h2, h3 { color: rgb(200, 0, 0); }
  p.intro { margin: 3em; color: rgb(0, 0, 200); }
  button { background: rgb(0, 255, 0); }
`;

/** The host page: its own content, then the one element and the one script of the embed. */
function hostPage(embed) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Our conference</title><style>${HOST_STYLES}</style></head>
<body>
  <h1>Our conference</h1>
  <p class="intro">Welcome to the programme.</p>
  <button type="button" class="host-button">Host button</button>
  ${embed}
</body>
</html>`;
}

const EMBED = `<div id="talk-catalog" data-heading-level="3" data-url-sync="false" data-theme="dark"></div>
  <script type="module" src="/2026/talks/embed.js"></script>`;

let site;
let server;
let browser;

before(async () => {
  site = await mkdtemp(join(tmpdir(), 'talk-catalog-host-'));
  await mkdir(join(site, '2026'));
  await symlink(DIST, join(site, '2026', 'talks'));
  await writeFile(join(site, 'index.html'), hostPage(EMBED));
  await writeFile(join(site, 'plain.html'), hostPage(''));
  server = await startServer(site);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await rm(site, { recursive: true, force: true });
});

/** Computed styles of the host's own elements, for before/after comparison. */
function hostStyles(page) {
  return page.evaluate(() =>
    ['body', 'h1', 'p.intro', 'button.host-button'].map((selector) => {
      const style = getComputedStyle(document.querySelector(selector));
      return [selector, style.color, style.fontSize, style.margin, style.backgroundColor, style.boxSizing, style.fontFamily];
    }),
  );
}

test('one element and one script under a sub-path show the catalog with the options', async () => {
  const { page, errors, close } = await openCatalog(browser, new URL('/?lang=fr#programme', server.url).href);
  try {
    assert.equal((await shownIds(page)).length, 20);
    // data-heading-level="3": talk titles are h3, under the host's h1.
    assert.equal(await page.locator('article[data-talk-id] h3.tc-talk-title').count(), 20);
    // data-theme="dark": light text on dark.
    const color = await page.evaluate(() => getComputedStyle(document.querySelector('.tc')).color);
    assert.equal(color, 'rgb(236, 238, 242)');
    // data-url-sync="false": typing and opening a talk leave the host's URL and history alone.
    const entries = await page.evaluate(() => history.length);
    await page.getByRole('searchbox', { name: /search/i }).fill('hessian');
    await waitFor(async () => (await shownIds(page)).length < 20, { message: 'the search to narrow' });
    await page.locator('article button[aria-controls]').first().click();
    assert.equal(await page.evaluate(() => location.search + location.hash), '?lang=fr#programme');
    assert.equal(await page.evaluate(() => history.length), entries);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('the widget changes no computed style of the host page', async () => {
  const plain = await openPlain();
  const { page, errors, close } = await openCatalog(browser, server.url);
  try {
    assert.deepEqual(await hostStyles(page), plain);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

/** The host's styles on the same page without the embed. */
async function openPlain() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL('/plain.html', server.url).href);
  const styles = await hostStyles(page);
  await context.close();
  return styles;
}
