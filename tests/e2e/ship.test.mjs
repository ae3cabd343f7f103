// Ship quality (issue 8): nothing from a document executes in any view; the site works
// offline after one visit; a new deploy is picked up; a sub-path deployment works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, openPage, assertClean, DIST } from './harness.mjs';

test('a document full of XSS payloads executes nothing in any view', async () => {
  const site = await serve(DIST);
  const { context } = await launch();
  try {
    const page = await openPage(context, `${site.url}?src=/__fixtures__/xss.md`);
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await page.locator('.doc-title').waitFor();
    for (const view of ['Board', 'Timeline', 'Document']) {
      await page.getByRole('tab', { name: view }).click();
      await page.waitForTimeout(150);
      // Hover and click everything a reader might touch.
      for (const el of await page.locator('.card, article.document li, article.document p, [data-phase-id]').all()) {
        await el.hover({ force: true }).catch(() => {});
      }
      for (const a of await page.locator('main a').all()) {
        const href = await a.getAttribute('href');
        assert.ok(!/^\s*(javascript|data|vbscript):/i.test(href ?? ''), `live dangerous link ${href} in ${view}`);
      }
      assert.equal(await page.locator('main script, main iframe, main img, main object, main embed, main style').count(), 0, `live element in ${view}`);
      assert.equal(await page.locator('main svg [onload], main [onerror], main [onmouseover], main [ontoggle]').count(), 0, `event handler attribute in ${view}`);
      assert.equal(await page.evaluate(() => window.__xss), undefined, `payload ran in ${view}`);
    }
    // The payloads are visible as text, not lost.
    await page.getByRole('tab', { name: 'Document' }).click();
    assert.match(await page.locator('article.document').textContent(), /<script>window.__xss = 'block script'<\/script>/);
    assert.deepEqual(dialogs, []);
    assertClean(assert, page);
  } finally { await context.close(); await site.close(); }
});

test('after one visit the site works offline, bundled roadmaps included', async () => {
  const site = await serve(DIST);
  const { context } = await launch();
  try {
    const page = await openPage(context, site.url);
    await page.locator('.roadmap-entry').first().waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload(); // now controlled by the worker
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.reload();
    await page.locator('.roadmap-entry').first().waitFor();
    await page.locator('.roadmap-entry a', { hasText: 'Sacred Shifter' }).click();
    await page.locator('.card').first().waitFor();
    assert.ok((await page.locator('.card').count()) > 100);
    await page.getByRole('tab', { name: 'Document' }).click();
    await page.locator('article.document h2').first().waitFor();
    await context.setOffline(false);
    assertClean(assert, page);
  } finally { await context.close(); await site.close(); }
});

test('a new deploy is picked up on the next load', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-deploy-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const site = await serve(dir);
  const { context } = await launch();
  try {
    const file = path.join(dir, 'roadmaps', 'miro-clone-cycle-35.md');
    const page = await openPage(context, `${site.url}?src=roadmaps/miro-clone-cycle-35.md`);
    await page.locator('.doc-title').waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // "Deploy" a new version of the roadmap and of the worker.
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('# Cycle 35:', '# Cycle 36:'));
    fs.appendFileSync(path.join(dir, 'sw.js'), '\n// deploy 2\n');
    await page.reload();
    await page.locator('.doc-title').waitFor();
    assert.match(await page.locator('.doc-title').textContent(), /^Cycle 36:/);
    const scripts = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update().then(() => 'ok'));
    assert.equal(scripts, 'ok');
    assertClean(assert, page);
  } finally { await context.close(); await site.close(); fs.rmSync(dir, { recursive: true }); }
});

test('the site works from a sub-path (/org/roadmap/)', async () => {
  const site = await serve(DIST, 0, { prefix: '/org/roadmap/' });
  const { context } = await launch();
  try {
    assert.match(site.url, /\/org\/roadmap\/$/);
    const page = await openPage(context, site.url);
    await page.locator('.roadmap-entry a', { hasText: 'Sacred Shifter' }).click();
    await page.locator('.card').first().waitFor();
    await page.waitForURL(/\/org\/roadmap\/\?src=roadmaps/); // the address follows the view
    await page.reload();
    await page.locator('.card').first().waitFor();
    assertClean(assert, page);
  } finally { await context.close(); await site.close(); }
});

test('the first paint is the loading shell, never a blank page, and the board fills in without a long task', async () => {
  const site = await serve(DIST);
  const { context } = await launch();
  try {
    for (const query of ['', '?src=roadmaps/sacred-shifter-implementation-plan.md']) {
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__shellGone = null;
        window.__paintedFirst = null;
        new MutationObserver((records) => {
          const removed = records.some((r) => [...r.removedNodes].some((n) => n.id === 'boot-shell'));
          if (removed && window.__shellGone === null) {
            window.__shellGone = performance.now();
            // Was the shell's paint already reported (and so counted as the page's largest)?
            window.__paintedFirst = performance.getEntriesByName('first-contentful-paint').length > 0;
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(site.url + query);
      await page.locator(query ? '.card' : '.roadmap-list li').first().waitFor();
      const { paintedFirst, gone } = await page.evaluate(() => ({
        paintedFirst: window.__paintedFirst, gone: window.__shellGone,
      }));
      assert.ok(gone !== null, 'the loading shell was never removed');
      assert.equal(paintedFirst, true, `the app replaced the shell at ${gone} ms, before its first paint was reported (${query || 'home'})`);
      if (query) {
        // Each column draws its first 8 cards at once and the rest of its first page a task later.
        await page.waitForFunction(() => [...document.querySelectorAll('.column')]
          .some((c) => c.querySelectorAll('.card').length > 8), null, { timeout: 5000 });
      }
      await page.close();
    }
  } finally {
    await context.close();
    await site.close();
  }
});

test('the _headers file for static hosts holds the page policy and the app runs under it', async () => {
  const text = fs.readFileSync(path.join(DIST, '_headers'), 'utf8');
  // The headers every response gets: the block under "/*", up to the next path line.
  const block = text.split(/^\/\*$/m)[1].split(/^\S/m)[0];
  const headers = Object.fromEntries(block.trim().split('\n').map((l) => {
    const i = l.indexOf(':');
    return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
  }));
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const meta = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.equal(headers['Content-Security-Policy'], `${meta}; frame-ancestors 'none'`, 'header and meta policies differ');
  assert.equal(headers['X-Content-Type-Options'], 'nosniff');
  assert.equal(headers['Referrer-Policy'], 'no-referrer');
  const site = await serve(DIST, 0, { extraHeaders: headers });
  const { context } = await launch();
  try {
    const page = await openPage(context, site.url);
    await page.locator('.roadmap-list li').first().waitFor();
    await page.locator('.roadmap-list a').first().click();
    await page.locator('.card').first().waitFor();
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.locator('.tl-chart').waitFor();
    assertClean(assert, page);
  } finally {
    await context.close();
    await site.close();
  }
});
