// Content-Security-Policy: conference sites send strict policies. The standalone page and an
// embedding page both work under the policy README.md documents, served as an HTTP header: no
// inline script or style, no data: URL, and wasm compiled under 'wasm-unsafe-eval' only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { FRAGMENT, STRICT_CSP as CSP, hostSite, launch, openCatalog, shownIds, startServer, waitFor } from './harness.mjs';

const withCsp = () => ({ 'Content-Security-Policy': CSP });

let server;
let site;
let browser;

before(async () => {
  server = await startServer(undefined, { headers: withCsp });
  // A host page as strict as its policy: its own stylesheet and icon are files too.
  const fragment = await readFile(FRAGMENT, 'utf8');
  site = await hostSite(
    {
      'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Our conference</title>
<link rel="icon" href="/icon.svg"><link rel="stylesheet" href="/site.css"></head>
<body><h1>Our conference</h1><div id="talk-catalog" data-url-sync="false">${fragment}</div>
<script type="module" src="/2026/talks/embed.js"></script></body></html>`,
      'site.css': 'body { font-family: serif; }\n',
      'icon.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>\n',
    },
    '2026/talks',
    { headers: withCsp },
  );
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await server?.close();
});

/** Records every `securitypolicyviolation` event of the page, from before its first script. */
async function recordViolations(context, page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__violations.push(`${event.effectiveDirective}: ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
}

/** Asserts the policy came with the page, search works, and nothing was blocked or reported. */
async function assertWorksUnderPolicy({ page, errors }, response) {
  assert.equal(response, CSP, 'the page was served with the policy');
  assert.equal((await shownIds(page)).length, 20);
  await page.getByRole('searchbox', { name: /search/i }).fill('hessian');
  await waitFor(async () => (await shownIds(page)).length < 20, { message: 'the search to narrow' });
  assert.equal((await shownIds(page))[0], 'udell-hessian');
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'securitypolicyviolation events');
  assert.deepEqual(errors, []);
}

/** The Content-Security-Policy header the page's document came with. */
const policy = (page) => page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));

test('the standalone page works under a strict Content-Security-Policy, its service worker included', async () => {
  const session = await openCatalog(browser, server.url, { beforeLoad: recordViolations });
  try {
    const { page } = session;
    // The service worker registers and takes control (its script is under the policy too).
    await waitFor(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 10000,
      message: 'the service worker to control the page',
    });
    await assertWorksUnderPolicy(session, await policy(page));
  } finally {
    await session.close();
  }
});

test('an embedding page works under a strict Content-Security-Policy', async () => {
  const session = await openCatalog(browser, site.url, { beforeLoad: recordViolations });
  try {
    await assertWorksUnderPolicy(session, await policy(session.page));
  } finally {
    await session.close();
  }
});
