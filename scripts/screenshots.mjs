// Takes the README's screenshots of the release build in dist/: desktop and 390 px phone,
// light and dark, into docs/. Run after `trunk build --release --offline`:
//   node scripts/screenshots.mjs
import { join } from 'node:path';
import { launch, openCatalog, startServer, ROOT } from '../tests/e2e/harness.mjs';

const shots = [
  { name: 'desktop-light', width: 1280, height: 900, scheme: 'light' },
  { name: 'desktop-dark', width: 1280, height: 900, scheme: 'dark' },
  { name: 'phone-light', width: 390, height: 844, scheme: 'light' },
  { name: 'phone-dark', width: 390, height: 844, scheme: 'dark' },
];

const server = await startServer();
const browser = await launch();
try {
  for (const shot of shots) {
    const { page, close } = await openCatalog(browser, new URL('?tc-q=hessian', server.url).href);
    await page.setViewportSize({ width: shot.width, height: shot.height });
    await page.emulateMedia({ colorScheme: shot.scheme });
    // The best match opened, as after a click on "Show abstract".
    await page.locator('article button[aria-expanded="false"]').first().click();
    await page.evaluate(() => window.scrollTo(0, 0));
    const path = join(ROOT, 'docs', `screenshot-${shot.name}.png`);
    await page.screenshot({ path });
    console.log(path);
    await close();
  }
} finally {
  await browser.close();
  await server.close();
}
