// A standalone catalog paged 8 talks at a time, the way a catalog of more than 50 talks is paged
// at the default size: the release build's files, an index.html pre-rendered with
// `--page-size 8`, and its static pages (pages/2.html, …), served on 127.0.0.1.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT, startServer } from './harness.mjs';
import { writeStaticPages } from '../../scripts/static-pages.mjs';

export const PAGE_SIZE = 8;

/** Resolves to `{ url, close() }`; `close` stops the server and removes the folder. */
export async function pagedSite() {
  const root = await mkdtemp(join(tmpdir(), 'talk-catalog-paged-'));
  for (const name of await readdir(DIST)) {
    if (name !== 'index.html') await symlink(join(DIST, name), join(root, name));
  }
  const pages = join(root, 'pages');
  const { CATALOG_DATA: _, ...env } = process.env;
  const args = ['run', '--quiet', '--offline', '--features', 'ssr', '--bin', 'prerender', '--'];
  const html = execFileSync('cargo', [...args, '--page-size', String(PAGE_SIZE), '--pages-dir', pages], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  const standalone = await readFile(join(DIST, 'index.html'), 'utf8');
  const host = /(<div id="?talk-catalog"?>)[\s\S]*(<\/div>\s*<\/main>)/;
  if (!host.test(standalone)) throw new Error('dist/index.html: no host element before </main>');
  const index = standalone.replace(host, (_, open, close) => `${open}${html}${close}`);
  await writeFile(join(root, 'index.html'), index);
  await writeStaticPages(pages, index);
  const server = await startServer(root);
  return {
    url: server.url,
    async close() {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
