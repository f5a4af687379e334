// One small interface over three browser engines, for the cross-engine tests (cases.mjs):
//   chromium  Debian's chromium, through puppeteer-core (DevTools protocol)
//   firefox   Debian's firefox-esr, through puppeteer-core over WebDriver BiDi
//   webkit    WebKitGTK's MiniBrowser, through WebKitWebDriver (Debian's webkit2gtk-driver) and
//             selenium-webdriver (WebDriver classic). MiniBrowser has no headless mode: it needs a
//             display, so run the tests under `xvfb-run -a`.
// Every browser is the system one; nothing is downloaded.
//
// `launchEngine(name)` resolves to `{ name, newPage(), close() }`. `newPage()` opens a fresh page
// in its own storage (a browser context; a new WebDriver session in WebKit), resolving to a page:
//   goto(url)              navigate and wait for the load event
//   reload()               reload and wait for the load event
//   url()                  (resolves to) the page's current address
//   evaluate(fn, ...args)  run fn (sync or async) in the page; args and result are JSON values
//   click(selector)        a real click at the first element matching the CSS selector, once it
//                          is scrolled into view and painted
//   type(selector, text)   focus that element, select its text, and type `text` key by key
//                          over it ('' clears it with Backspace)
//   waitFor(fn, options)   poll evaluate(fn, ...options.args) until truthy (harness waitFor)
//   resize(width, height)  resize the viewport (WebKit: the window, which GTK keeps 447+ px wide)
//   setOffline(offline)    emulate a dead network if the engine can; resolves to whether it did.
//                          (Chromium's covers the page, not its service worker's own fetches:
//                          to be offline for real, stop the test server too.)
//   screenshot(path)       a PNG of the viewport, for looking at a failure
//   errors()               what went wrong so far: the page's error recorder (record-errors.js,
//                          which the tests' server injects into every HTML page) and, where the
//                          engine reports them, console errors and uncaught errors
//   close()
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import puppeteer from 'puppeteer-core';
import { Builder, By, Key } from 'selenium-webdriver';
import { CHROMIUM, waitFor } from '../harness.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];
export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/** Big enough for the side-by-side layout (52rem and up): filters shown, not folded away. */
export const VIEWPORT = { width: 1280, height: 900 };

/** The engines named in $ENGINES (comma-separated), or all of them. */
export function enginesToRun() {
  const names = (process.env.ENGINES || ENGINES.join(',')).split(',').map((name) => name.trim()).filter(Boolean);
  for (const name of names) if (!ENGINES.includes(name)) throw new Error(`unknown engine ${name} in ENGINES (known: ${ENGINES})`);
  return names;
}

export async function launchEngine(name) {
  const engine = await (name === 'webkit' ? launchWebKit() : launchPuppeteer(name));
  if (!process.env.E2E_TRACE) return engine;
  // E2E_TRACE=1: every page call and how long it took, on stderr (to see where a case hangs).
  const newPage = engine.newPage;
  engine.newPage = async () => traced(name, await newPage());
  return engine;
}

function traced(name, page) {
  const start = Date.now();
  return new Proxy(page, {
    get(target, key) {
      const value = target[key];
      if (typeof value !== 'function') return value;
      return async (...args) => {
        const call = `[${name} +${Date.now() - start} ms] ${String(key)}(${args.map((a) => String(a).slice(0, 60)).join(', ')})`;
        const begun = Date.now();
        process.stderr.write(`${call} …\n`);
        try {
          return await value.apply(target, args);
        } finally {
          process.stderr.write(`${call}: ${Date.now() - begun} ms\n`);
        }
      };
    },
  });
}

/** What a page's error recorder holds (nothing if the page can't be asked right now). */
const RECORDED = () => window.__tcErrors ?? [];

/** The shared part: waiting on the page, clicking, and reading its recorder. */
class Page {
  waitFor(fn, { args = [], ...options } = {}) {
    return waitFor(() => this.evaluate(fn, ...args), options);
  }

  /**
   * Scrolls the element into view and waits for two animation frames before clicking it, as a
   * person would. WebDriver scrolls and hit-tests at once, and WebKit doesn't hit-test inside a
   * `content-visibility: auto` card (catalog.css) until a rendering update has found it on
   * screen: clicked straight away, a card's button just scrolled to is "not interactable".
   */
  async click(selector) {
    const found = await this.evaluate(async (selector) => {
      const element = document.querySelector(selector);
      element?.scrollIntoView({ block: 'nearest' });
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
      return element !== null;
    }, selector);
    if (!found) throw new Error(`click: nothing matches ${selector}`);
    try {
      await this.clickNow(selector);
    } catch (error) {
      error.message = `click ${selector}: ${error.name} ${error.message}`.trim();
      throw error;
    }
  }

  async recorded() {
    try {
      return (await this.evaluate(RECORDED)) ?? [];
    } catch (error) {
      return [`(could not read the page's error recorder: ${error.message})`];
    }
  }
}

// Chromium and Firefox: puppeteer-core ───────────────────────────────────────────────────────────

async function launchPuppeteer(name) {
  const options =
    name === 'firefox'
      ? { browser: 'firefox', executablePath: FIREFOX }
      : {
          browser: 'chrome',
          executablePath: CHROMIUM,
          args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        };
  const browser = await puppeteer.launch({ ...options, headless: true, defaultViewport: VIEWPORT });
  return {
    name,
    version: await browser.version(),
    async newPage() {
      const context = await browser.createBrowserContext();
      return new PuppeteerPage(context, await context.newPage());
    },
    close: () => browser.close(),
  };
}

class PuppeteerPage extends Page {
  constructor(context, page) {
    super();
    this.context = context;
    this.page = page;
    this.reported = [];
    page.on('console', (message) => {
      if (message.type() === 'error') this.reported.push(`[engine] console.error: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.reported.push(`[engine] pageerror: ${error.message ?? error}`));
  }

  async goto(url) {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  async reload() {
    await this.page.reload({ waitUntil: 'load' });
  }

  url() {
    return this.page.url();
  }

  evaluate(fn, ...args) {
    return this.page.evaluate(fn, ...args);
  }

  clickNow(selector) {
    return this.page.click(selector);
  }

  async type(selector, text) {
    await this.page.focus(selector);
    await this.page.$eval(selector, (element) => element.select());
    if (text === '') await this.page.keyboard.press('Backspace');
    else await this.page.keyboard.type(text);
  }

  resize(width, height) {
    return this.page.setViewport({ width, height });
  }

  async setOffline(offline) {
    await this.page.setOfflineMode(offline);
    return true;
  }

  async screenshot(path) {
    await this.page.screenshot({ path });
  }

  async errors() {
    return [...this.reported, ...(await this.recorded())];
  }

  close() {
    return this.context.close();
  }
}

// WebKit: WebKitWebDriver + MiniBrowser, through selenium-webdriver ──────────────────────────────

async function launchWebKit() {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new Error('WebKit (MiniBrowser) needs a display: run the tests under `xvfb-run -a`');
  }
  const capabilities = {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  };
  let driver = await startWebKitDriver();
  let version = 'WebKitGTK';
  /** A new session: a fresh MiniBrowser with its own (ephemeral) storage, in about half a second. */
  const startSession = () => {
    const session = new Builder().usingServer(driver.url).withCapabilities(capabilities).build();
    session.catch(() => {}); // if it is given up on below, its failure is no news
    return Promise.race([
      session,
      new Promise((_, fail) => setTimeout(() => fail(new Error('no WebKit session after 20 s')), 20000).unref()),
    ]);
  };
  return {
    name: 'webkit',
    get version() {
      return version;
    },
    async newPage() {
      let session;
      try {
        session = await startSession();
      } catch (error) {
        // Now and then MiniBrowser can't open the display ("Gtk-WARNING: cannot open display")
        // and WebKitWebDriver waits for it forever. Start over with a new driver, once, and say so.
        process.stderr.write(`# webkit: ${error.message}; restarting ${WEBKIT_DRIVER} and trying once more\n`);
        await driver.stop();
        driver = await startWebKitDriver();
        session = await startSession();
      }
      version = `WebKitGTK ${(await session.getCapabilities()).getBrowserVersion()}`;
      await session.manage().window().setRect(VIEWPORT);
      return new WebDriverPage(session);
    },
    close: () => driver.stop(),
  };
}

/** Starts WebKitWebDriver on a free port: `{ url, stop() }`. */
async function startWebKitDriver() {
  const port = await freePort();
  const child = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((done) => child.once('exit', done));
  const stop = async () => {
    child.kill();
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(() => fetch(`${url}/status`).then((response) => response.ok), {
      timeout: 10000,
      message: `${WEBKIT_DRIVER} to listen on port ${port}`,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

class WebDriverPage extends Page {
  constructor(session) {
    super();
    this.session = session;
  }

  goto(url) {
    return this.session.get(url);
  }

  reload() {
    return this.session.navigate().refresh();
  }

  url() {
    return this.session.getCurrentUrl();
  }

  evaluate(fn, ...args) {
    // selenium-webdriver runs a function as `return (fn).apply(null, arguments)`; WebDriver
    // waits for a returned promise.
    return this.session.executeScript(fn, ...args);
  }

  async clickNow(selector) {
    // WebKit hit-tests a card re-rendered under `content-visibility: auto` only after a later
    // rendering update; until then WebDriver calls it not interactable. Poll for it, briefly.
    await waitFor(
      () =>
        this.session
          .findElement(By.css(selector))
          .click()
          .then(
            () => true,
            (error) => {
              if (error.name !== 'ElementNotInteractableError') throw error;
              return false;
            },
          ),
      { timeout: 2000, message: `${selector} to take the click` },
    );
  }

  async type(selector, text) {
    await this.evaluate((selector) => {
      const element = document.querySelector(selector);
      element.focus();
      element.select();
    }, selector);
    await this.session.actions().sendKeys(text === '' ? Key.BACK_SPACE : text).perform();
  }

  async resize(width, height) {
    await this.session.manage().window().setRect({ width, height });
  }

  async setOffline() {
    return false; // WebDriver classic has no network emulation.
  }

  async screenshot(path) {
    await writeFile(path, await this.session.takeScreenshot(), 'base64');
  }

  errors() {
    return this.recorded();
  }

  close() {
    return this.session.quit();
  }
}

/** A TCP port nobody listens on right now. */
function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}
