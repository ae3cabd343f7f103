// Nothing is ever lost, and every refusal tells the truth (issue 13): pastes never overwrite
// each other, what cannot be kept is said on the board, backups are a list, addresses are
// refused for what they are, large documents are refused while they stream, titles stay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, openPage, assertClean, DIST } from './harness.mjs';

let site;
before(async () => { site = await serve(DIST); });
after(async () => { await site.close(); });

const card = (page, text) => page.locator('.board .card').filter({ has: page.locator('.card-text', { hasText: new RegExp('^' + text) }) });
const box = (page, text) => card(page, text).locator('.card-check');

async function paste(page, text) {
  await page.getByLabel('Paste Markdown').fill(text);
  await page.getByRole('button', { name: 'Show' }).click();
}

test('r13-1: a second paste never touches the first; the recent list tells them apart', async () => {
  const { context } = await launch();
  try {
    const page = await openPage(context, site.url);
    await paste(page, '- [ ] Buy milk\n');
    await box(page, 'Buy milk').check();
    await page.waitForTimeout(400); // the debounced write
    const milk = page.url();
    await page.goto(site.url);
    await paste(page, '- [ ] Fix roof\n');
    await box(page, 'Fix roof').waitFor();
    assert.notEqual(page.url(), milk, 'a different address');
    await page.goto(milk);
    await box(page, 'Buy milk').waitFor();
    assert.ok(await box(page, 'Buy milk').isChecked(), 'the first paste and its tick are kept');
    assert.equal(await card(page, 'Fix roof').count(), 0);
    await page.goto(site.url);
    const recent = page.getByRole('region', { name: 'Recently opened' });
    await recent.getByRole('listitem').nth(1).waitFor();
    assert.equal(await recent.getByRole('listitem').count(), 2);
    const text = await recent.textContent();
    assert.match(text, /Buy milk/);
    assert.match(text, /Fix roof/);
    assertClean(assert, page);
  } finally { await context.close(); }
});

test('r13-2: a paste that cannot be kept is said on the board, with its downloads; a reload says it was pasted', async () => {
  const { context } = await launch();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-kept-'));
  try {
    // Storage refuses documents' texts (as a full store refuses a large value); ticks still fit.
    await context.addInitScript(() => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (String(k).startsWith('roadboard:doc:')) throw new DOMException('full', 'QuotaExceededError');
        return set.call(this, k, v);
      };
    });
    const page = await openPage(context, site.url);
    await paste(page, '# Kept nowhere\n\n- [ ] Only here\n');
    const banner = page.locator('.notice.storage');
    await banner.waitFor();
    assert.match(await banner.textContent(), /could not be kept in this browser \(your browser's storage for this site is full\): after a reload it will be gone/);
    const [dl] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Download this document' }).click()]);
    const saved = path.join(dir, 'doc.md');
    await dl.saveAs(saved);
    assert.equal(fs.readFileSync(saved, 'utf8'), '# Kept nowhere\n\n- [ ] Only here\n');
    assert.equal(await banner.getByRole('button', { name: 'Export progress' }).count(), 1);
    await page.reload();
    const msg = await page.getByRole('alert').textContent();
    assert.match(msg, /pasted roadmap is no longer kept/);
    assert.doesNotMatch(msg, /open the file again/i);
    await page.goto(site.url);
    await page.locator('#paste-md').waitFor();
    assert.equal(await page.getByRole('region', { name: 'Recently opened' }).count(), 0, 'not listed: it cannot be reopened');
    // Pastes obey the files' size limit, with the same words.
    await page.evaluate(() => {
      const t = document.querySelector('#paste-md');
      t.value = ('x'.repeat(1023) + '\n').repeat(10 * 1024);
      t.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('alert').filter({ hasText: 'The pasted text is 10.0 MB. roadboard opens roadmaps up to 5 MB' }).waitFor();
    assertClean(assert, page);
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true });
  }
});

test('r13-3: backups are a dated list in the Progress menu; Restore is undoable', async () => {
  const { context } = await launch();
  try {
    const page = await openPage(context, `${site.url}?src=/__fixtures__/chain.md`);
    const alpha = await card(page, 'Alpha').getAttribute('data-item-id');
    const key = 'roadboard:progress:/__fixtures__/chain.md';
    // First a value with one entry that cannot be read, then one that cannot be read at all.
    await page.evaluate(([k, id]) => localStorage.setItem(k, JSON.stringify({ version: 1, items: { [id]: true, other: 'yes' } })), [key, alpha]);
    await page.reload();
    await page.locator('.notice').filter({ hasText: '1 entry of the saved progress' }).waitFor();
    assert.ok(await box(page, 'Alpha').isChecked(), 'the readable part is shown');
    await page.evaluate((k) => localStorage.setItem(k, '{oops'), key);
    await page.reload();
    await page.locator('.notice').filter({ hasText: 'could not be read' }).waitFor();
    assert.equal(await box(page, 'Alpha').isChecked(), false);
    await page.getByRole('button', { name: 'Progress ▾' }).click();
    const list = page.getByRole('group', { name: 'Backups (newest first)' });
    assert.equal(await list.getByRole('listitem').count(), 2, 'the second did not overwrite the first');
    const [newest, older] = await list.getByRole('listitem').all();
    assert.match(await newest.textContent(), /UTC.*could not be read/);
    assert.equal(await newest.getByRole('button', { name: /^Restore/ }).count(), 0, 'unreadable: download only');
    const [dl] = await Promise.all([page.waitForEvent('download'), newest.getByRole('button', { name: /^Download/ }).click()]);
    assert.match(dl.suggestedFilename(), /^chain-fixture\.backup-\d{4}-\d\d-\d\d-1\.json$/);
    assert.match(await older.textContent(), /some entries could not be read/);
    await older.getByRole('button', { name: /^Restore/ }).click();
    assert.ok(await box(page, 'Alpha').isChecked(), 'restored');
    await page.locator('.notice.undo').getByRole('button', { name: 'Undo' }).click();
    assert.equal(await box(page, 'Alpha').isChecked(), false, 'undone');
    assertClean(assert, page);
  } finally { await context.close(); }
});

test('r13-8: addresses are refused for what they are; a large document is refused while it streams', async () => {
  // An endless document on another origin (so no service worker reads it): the page must stop.
  let sent = 0;
  const endless = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/markdown', 'access-control-allow-origin': '*' });
    const chunk = Buffer.alloc(64 * 1024, '- [ ] x\n');
    const pump = () => {
      while (sent < 64 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
      if (sent >= 64 * 1024 * 1024) res.end(); else res.once('drain', pump);
    };
    res.on('close', () => {});
    pump();
  });
  await new Promise((r) => endless.listen(0, '127.0.0.1', r));
  const { context } = await launch();
  try {
    const page = await openPage(context, `${site.url}?src=javascript:alert(1)`);
    assert.match(await page.getByRole('alert').textContent(), /run a script.*never runs scripts/);
    await page.goto(`${site.url}?src=${encodeURIComponent('data:text/markdown,# Hi')}`);
    assert.match(await page.getByRole('alert').textContent(), /“data:” address/);
    await page.goto(`${site.url}?src=file:plan.md`);
    assert.match(await page.getByRole('alert').textContent(), /file on a computer/);
    await page.goto(`${site.url}?doc=paste:gone`);
    const gone = await page.getByRole('alert').textContent();
    assert.match(gone, /pasted roadmap is no longer kept/);
    assert.doesNotMatch(gone, /from your computer/);
    const url = `http://127.0.0.1:${endless.address().port}/huge.md`;
    await page.goto(`${site.url}?src=${encodeURIComponent(url)}`);
    await page.getByRole('alert').filter({ hasText: 'is larger than 5 MB, so roadboard stopped reading it' }).waitFor({ timeout: 60000 });
    await page.waitForTimeout(300);
    assert.ok(sent < 24 * 1024 * 1024, `stopped early (${sent} bytes sent)`);
    // UTF-16 with a byte order mark is text.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-u16-'));
    const u16 = path.join(dir, 'plan16.md');
    fs.writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Wide plan\n- [ ] Größe 🚀\n', 'utf16le')]));
    await page.goto(site.url);
    await page.getByLabel('Open roadmap file').setInputFiles(u16);
    await box(page, 'Größe').waitFor();
    assert.equal(await page.locator('.doc-title').textContent(), 'Wide plan');
    fs.rmSync(dir, { recursive: true });
    // The blocked fetches log console errors of their own; the app printed none.
    assert.deepEqual(page.problems.filter((p) => !/Failed to load resource|net::ERR/.test(p)), []);
  } finally {
    await context.close();
    endless.closeAllConnections?.();
    await new Promise((r) => endless.close(r));
  }
});

test('r13: a headingless file or paste keeps its title after a reload; a paste is read once', async () => {
  const { context } = await launch();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-title-'));
  try {
    const file = path.join(dir, 'plan.md');
    fs.writeFileSync(file, '- [ ] one\n- [ ] two\n');
    const page = await openPage(context, site.url);
    await page.getByLabel('Open roadmap file').setInputFiles(file);
    await page.locator('.doc-title').waitFor();
    assert.equal(await page.locator('.doc-title').textContent(), 'plan');
    await page.reload();
    await page.locator('.doc-title').waitFor();
    assert.equal(await page.locator('.doc-title').textContent(), 'plan', 'the same after a reload');
    await page.goto(site.url);
    await paste(page, '- [ ] a\n- [ ] b\n');
    await page.locator('.doc-title').waitFor();
    assert.equal(await page.locator('.doc-title').textContent(), 'Pasted roadmap');
    assert.equal(await page.evaluate(() => performance.getEntriesByName('rb-parsed').length), 1, 'read once');
    await page.reload();
    await page.locator('.doc-title').waitFor();
    assert.equal(await page.locator('.doc-title').textContent(), 'Pasted roadmap', 'the same after a reload');
    assertClean(assert, page);
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true });
  }
});

test('r13-9: at 100,000 items a tick answers at once and the Document view never blocks the page for long', async () => {
  const { generatedLarge } = await import('./bench-data.mjs');
  const file = path.join(DIST, 'e2e-100000.md');
  fs.writeFileSync(file, generatedLarge(100000));
  const { context } = await launch();
  try {
    const page = await openPage(context, `${site.url}?src=e2e-100000.md`);
    await page.waitForFunction(() => performance.getEntriesByName('rb-board-ready').length > 0, null, { timeout: 120000 });
    await page.waitForTimeout(1000);
    const ticks = [];
    for (let k = 0; k < 5; k++) {
      ticks.push(await page.evaluate(async (k) => {
        const box = document.querySelectorAll('.card-check')[k * 7 + 1];
        const t0 = performance.now();
        box.click();
        await new Promise((r) => requestAnimationFrame(() => r()));
        return performance.now() - t0;
      }, k));
      await page.waitForTimeout(200);
    }
    ticks.sort((a, b) => a - b);
    // Goal 50 ms (make bench measures it); the test allows for a busy machine.
    assert.ok(ticks[2] < 100, `tick → next frame, median ${ticks[2].toFixed(0)} ms`);
    const doc = await page.evaluate(async () => {
      const tasks = [];
      const obs = new PerformanceObserver((l) => tasks.push(...l.getEntries()));
      obs.observe({ type: 'longtask' });
      const longest = (from) => tasks.filter((e) => e.startTime >= from - 1).reduce((m, e) => Math.max(m, e.duration), 0);
      const elements = () => document.querySelector('article.document').getElementsByTagName('*').length;
      const t0 = performance.now();
      document.querySelector('#tab-document').click();
      await new Promise((resolve) => {
        const check = () => {
          const art = document.querySelector('article.document');
          if (art && art.getAttribute('aria-busy') === 'false') resolve(); else setTimeout(check, 100);
        };
        check();
      });
      await new Promise((r) => setTimeout(r, 300));
      const open = longest(t0);
      // Scroll to the end in steps: parts are drawn as they come near, and dropped far away.
      const t1 = performance.now();
      let most = elements();
      for (let s = 1; s <= 10; s++) {
        window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * s / 10);
        await new Promise((r) => setTimeout(r, 250));
        most = Math.max(most, elements());
      }
      obs.disconnect();
      const last = [...document.querySelectorAll('article.document .doc-check')].pop();
      return { open, scroll: longest(t1), most, last: last?.getAttribute('aria-label') ?? '' };
    });
    // Goal ~200 ms (make bench measures it). Before the Document view drew only the parts near
    // the screen, the longest task was ~1.1 s on this loaded machine (4.3 s before issue 13); it
    // is now the tab switch itself (~150-350 ms loaded). The bound allows for a busy machine;
    // the element count is what keeps the page from growing with the document.
    assert.ok(doc.open < 1500, `longest task while the Document view opens: ${doc.open.toFixed(0)} ms`);
    assert.ok(doc.scroll < 1500, `longest task while scrolling it: ${doc.scroll.toFixed(0)} ms`);
    assert.ok(doc.most < 5000, `elements in the Document view: at most ${doc.most} (it was ~200,000)`);
    assert.match(doc.last, /^Task 99999:/, 'the end is drawn at the end');
    assertClean(assert, page);
  } finally {
    await context.close();
    fs.rmSync(file, { force: true });
  }
});
