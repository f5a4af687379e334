// The static pages of talks beyond the first (pages/2.html, …), for readers without JavaScript
// and crawlers: the pre-renderer writes each page's body (src/bin/prerender.rs, --pages-dir),
// and this makes it a page. Used by post-build.mjs, and by the end-to-end tests.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Makes each page body the pre-renderer wrote into `dir` a page of its own: the standalone
 * page's title, heading and stylesheets (one folder up), no script.
 */
export async function writeStaticPages(dir, standalone) {
  const names = await readdir(dir).catch(() => []);
  const first = (pattern) => pattern.exec(standalone)?.[1] ?? '';
  const title = first(/<title>([^<]*)<\/title>/);
  const heading = first(/<h1>([^<]*)<\/h1>/);
  // The stylesheet and icon links, as written in index.html or as release builds minify them
  // (without the icon, browsers ask for /favicon.ico, which the build doesn't have).
  const links = (standalone.match(/<link [^>]*>/g) ?? [])
    .map((tag) => [/\brel="?(stylesheet|icon)\b/.exec(tag)?.[1], /\bhref="?(?:\.\/)?([^" >]+)/.exec(tag)?.[1]])
    .filter(([rel, href]) => rel && href)
    .map(([rel, href]) => `<link rel="${rel}" href="../${href}">`)
    .join('');
  for (const name of names) {
    const body = await readFile(join(dir, name), 'utf8');
    const number = Number.parseInt(name, 10);
    await writeFile(
      join(dir, name),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<meta name="color-scheme" content="light dark"><title>${title} (page ${number})</title>${links}</head>` +
        `<body><main class="page"><h1>${heading}</h1><p><a href="../">Search all talks</a></p>` +
        `<div id="talk-catalog">${body}</div></main></body></html>\n`,
    );
  }
}
