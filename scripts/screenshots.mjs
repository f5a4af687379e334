// Takes the README's screenshots: desktop and 390 px phone, light and dark, into docs/; of the
// release build in dist/ (searching "hessian", the best match opened), and of a schedule
// (tests/fixtures/schedule.toml, on its second day, in Berlin). Run after
// `trunk build --release --offline` and `scripts/build-fixture schedule`:
//   node scripts/screenshots.mjs
import { join } from 'node:path';
import { fixtureDist, launch, openCatalog, startServer, ROOT } from '../tests/e2e/harness.mjs';

const shots = [
  { name: 'desktop-light', width: 1280, height: 900, scheme: 'light' },
  { name: 'desktop-dark', width: 1280, height: 900, scheme: 'dark' },
  { name: 'phone-light', width: 390, height: 844, scheme: 'light' },
  { name: 'phone-dark', width: 390, height: 844, scheme: 'dark' },
];

const catalogs = [
  { prefix: 'screenshot', root: undefined, search: '?tc-q=hessian' },
  {
    prefix: 'schedule',
    root: fixtureDist('schedule'),
    search: '',
    options: {
      contextOptions: { timezoneId: 'Europe/Berlin', locale: 'en-GB' },
      // During the second day's first talk: the first day's talk is past.
      beforeLoad: (context) => context.clock.setFixedTime(new Date('2026-03-30T07:45:00Z')),
    },
  },
];

const browser = await launch();
try {
  for (const catalog of catalogs) {
    const server = await startServer(catalog.root);
    for (const shot of shots) {
      const { page, close } = await openCatalog(browser, new URL(catalog.search, server.url).href, catalog.options);
      await page.setViewportSize({ width: shot.width, height: shot.height });
      await page.emulateMedia({ colorScheme: shot.scheme });
      // The first talk opened, as after a click on "Show abstract".
      await page.locator('article button[aria-expanded="false"]').first().click();
      await page.evaluate(() => window.scrollTo(0, 0));
      const path = join(ROOT, 'docs', `${catalog.prefix}-${shot.name}.png`);
      await page.screenshot({ path });
      console.log(path);
      await close();
    }
    await server.close();
  }
} finally {
  await browser.close();
}
