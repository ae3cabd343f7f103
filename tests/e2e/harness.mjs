// End-to-end harness: serves the built site (dist/) on 127.0.0.1 and drives Debian's Chromium
// through playwright-core. Every page records console errors and uncaught exceptions, and
// `assertClean` fails a test that saw any (a Rust panic lands there through the panic hook).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
// ROADBOARD_DIST serves another build (an A/B benchmark against main's dist).
export const DIST = path.resolve(process.env.ROADBOARD_DIST || path.resolve(here, '../../dist'));
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** Serve `root` on 127.0.0.1 at a free port. Resolves to { url, close }. */
export const FIXTURES = path.resolve(here, 'fixtures');

export function serve(root = DIST, port = 0, { extraHeaders = {}, prefix = '/' } = {}) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run \`make dist\` first`);
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let base = root;
    let rel = decodeURIComponent(url.pathname);
    // A sub-path deployment: the site lives under `prefix` only.
    if (!rel.startsWith(prefix)) { res.writeHead(404).end('outside the site'); return; }
    rel = '/' + rel.slice(prefix.length);
    // Test fixtures are served beside the site, under /__fixtures__/.
    if (rel.startsWith('/__fixtures__/')) { base = FIXTURES; rel = rel.slice('/__fixtures__'.length); }
    let file = path.normalize(path.join(base, rel));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-cache',
        ...extraHeaders,
      });
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      server.closeAllConnections?.();
      resolve({
        url: `http://127.0.0.1:${p}${prefix}`,
        port: p,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
      });
    });
  });
}

/** Launch Chromium with a persistent profile (so localStorage survives a browser restart). */
export async function launch(userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roadboard-e2e-')), options = {}) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...options,
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
    viewport: { width: 1280, height: 860 },
  });
  return { context, userDataDir };
}

/** Open a new page that records console errors and page errors into `page.problems`. */
export async function openPage(context, url) {
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => page.problems.push(`pageerror: ${err.message}`));
  await page.goto(url);
  return page;
}

/** Fail if the page printed an error or threw (a panic included). */
export function assertClean(assert, page) {
  assert.deepEqual(page.problems, [], 'the page printed errors');
}

/** Median, min and max of benchmark samples. */
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
}

/** The built site served and a browser launched for one test file: `env.site` and
 * `env.browser` are there before the file's first test and closed after its last. */
export function servedSite() {
  const env = {};
  before(async () => {
    env.site = await serve(DIST);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.context.close();
    await env.site?.close();
  });
  return env;
}
