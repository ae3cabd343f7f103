// The Document view of a long document (issue 13, point 9): only the parts near the screen are
// drawn, and everything that relies on the view still works — a source line shows its part,
// a tick in the document is the board's tick, highlights reach parts drawn later, and the page
// stays small while the reader scrolls.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, assertClean, DIST } from './harness.mjs';
import { generatedLarge } from './bench-data.mjs';

let site;
const file = path.join(DIST, 'e2e-docwindow.md');
before(async () => {
  fs.writeFileSync(file, generatedLarge(10000)); // ~330 KB: over the 200 KB of WINDOW_BYTES
  site = await serve(DIST);
});
after(async () => {
  await site.close();
  fs.rmSync(file, { force: true });
});

const elements = (page) => page.evaluate(() => document.querySelector('article.document').getElementsByTagName('*').length);
const inView = (loc) => loc.evaluate((el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; });

test('a long document draws near the screen only; lines, ticks and highlights still work', async () => {
  const { context } = await launch();
  try {
    const page = await openPage(context, `${site.url}?src=e2e-docwindow.md`);
    await page.waitForFunction(() => performance.getEntriesByName('rb-board-ready').length > 0, null, { timeout: 60000 });
    // Open a late item from the board's Find box, then its source line.
    await page.getByLabel('Find').fill('Task 9955:');
    await page.locator('.board .card .card-text', { hasText: 'Task 9955:' }).first().click();
    const panel = page.getByRole('dialog');
    await panel.waitFor();
    await panel.getByRole('button', { name: /Show line/ }).click();
    const doc = page.locator('article.document');
    await doc.waitFor();
    await page.waitForFunction(() => document.querySelector('article.document')?.getAttribute('aria-busy') === 'false', null, { timeout: 60000 });
    assert.match(await doc.locator('.doc-window-note').textContent(), /drawn as you scroll/);
    const item = doc.locator('li', { hasText: 'Task 9955:' });
    await item.waitFor();
    await page.waitForFunction(() => {
      const li = [...document.querySelectorAll('article.document li')].find((l) => l.textContent.includes('Task 9955:'));
      const r = li?.getBoundingClientRect();
      return r && r.bottom > 0 && r.top < innerHeight;
    }, null, { timeout: 10000 });
    assert.ok(await inView(item), 'the line is on screen');
    assert.ok((await doc.locator('.doc-part.placeholder').count()) > 0, 'parts far away are not drawn');
    assert.ok((await elements(page)) < 5000, `elements in the Document view: ${await elements(page)}`);
    // Highlights: the selected item and the one it waits on, in a part drawn after selecting.
    const box = item.locator('.doc-check');
    assert.equal(await box.getAttribute('data-highlight'), 'selected');
    assert.equal(await doc.locator('li', { hasText: 'Task 9954:' }).locator('.doc-check').getAttribute('data-highlight'), 'upstream');
    // A tick in the document is the item's tick.
    await page.keyboard.press('Escape');
    assert.equal(await box.isChecked(), false);
    await box.check();
    // Back to the top: the end is dropped (a part holding the focus is kept), the beginning
    // drawn, the page stays small.
    await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
    await doc.locator('h1', { hasText: 'Generated roadmap' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('article.document .doc-check[aria-label^="Task 9955:"]'), null, { timeout: 10000 });
    assert.ok((await elements(page)) < 5000);
    // Scrolling down step by step draws what comes into view.
    for (let s = 1; s <= 5; s++) {
      await page.evaluate((s) => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * s / 5), s);
      await page.waitForTimeout(150);
    }
    await doc.locator('li', { hasText: 'Task 9999:' }).waitFor();
    assert.ok(await inView(doc.locator('li', { hasText: 'Task 9999:' })), 'the end is drawn at the end');
    assert.ok((await elements(page)) < 5000);
    // The tick stayed: on the board, and in the document when its part is drawn again.
    await page.getByRole('tab', { name: 'Board' }).click();
    assert.equal(await page.locator('.board .card', { hasText: 'Task 9955:' }).first().locator('.card-check').isChecked(), true);
    await page.locator('.board .card .card-text', { hasText: 'Task 9955:' }).first().click();
    await panel.getByRole('button', { name: /Show line/ }).click();
    await doc.locator('.doc-check[aria-label^="Task 9955:"]').waitFor();
    assert.equal(await doc.locator('.doc-check[aria-label^="Task 9955:"]').isChecked(), true);
    assertClean(assert, page);
  } finally {
    await context.close();
  }
});

test('a short document is drawn whole, as before', async () => {
  const { context } = await launch();
  try {
    const page = await openPage(context, `${site.url}?src=roadmaps/sacred-shifter-implementation-plan.md`);
    await page.getByRole('tab', { name: 'Document' }).click();
    await page.waitForFunction(() => document.querySelector('article.document')?.getAttribute('aria-busy') === 'false');
    assert.equal(await page.locator('.doc-window-note').count(), 0);
    assert.equal(await page.locator('article.document .doc-part.placeholder').count(), 0);
    assert.equal(await page.locator('.doc-check').count(), 126);
    assertClean(assert, page);
  } finally {
    await context.close();
  }
});
