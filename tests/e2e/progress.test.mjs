// Progress that is never lost (issue 7): two tabs converge, export → reset → import restores
// every tick, the downloaded Markdown re-opened shows the same ticks, an edited document keeps
// its ticks and shows the ones that no longer match.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, openPage, assertClean, DIST, FIXTURES } from './harness.mjs';

let site;
before(async () => { site = await serve(DIST); });
after(async () => { await site.close(); });

const URL_CHAIN = () => `${site.url}?src=/__fixtures__/chain.md`;
const box = (page, text) => page.locator('.board .card').filter({ has: page.locator('.card-text', { hasText: new RegExp('^' + text) }) }).locator('.card-check');
const checkedIds = (page) => page.$$eval('.card-check:checked', (els) => els.map((e) => e.id).sort());

test('two tabs on the same document converge without losing either tick', async () => {
  const { context } = await launch();
  try {
    const a = await openPage(context, URL_CHAIN());
    const b = await openPage(context, URL_CHAIN());
    await box(a, 'Alpha').waitFor();
    await box(b, 'Alpha').waitFor();
    await box(a, 'Alpha').check();
    await box(b, 'Charlie').check();
    // Within a second each tab shows the other's tick.
    await a.waitForFunction(() => document.querySelector('.card-check:checked[id*="charlie"]') !== null, null, { timeout: 1500 });
    await b.waitForFunction(() => document.querySelector('.card-check:checked[id*="alpha"]') !== null, null, { timeout: 1500 });
    assert.deepEqual(await checkedIds(a), await checkedIds(b));
    // And both survive a reload: no lost update.
    await a.reload();
    await box(a, 'Alpha').waitFor();
    assert.ok(await box(a, 'Alpha').isChecked());
    assert.ok(await box(a, 'Charlie').isChecked());
    assertClean(assert, a);
    assertClean(assert, b);
  } finally { await context.close(); }
});

test('export JSON → reset (with undo) → import restores every tick; downloaded Markdown shows them', async () => {
  const { context } = await launch();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-dl-'));
  try {
    const page = await openPage(context, URL_CHAIN());
    await box(page, 'Alpha').check();
    await box(page, 'Charlie').check();
    await box(page, 'Delta').uncheck(); // the file says done: the reader's untick wins
    assert.equal(await page.locator('.badge.differs').count(), 3);
    const ticked = await checkedIds(page);

    await page.getByRole('button', { name: 'Progress ▾' }).click();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
    const json = path.join(dir, 'progress.json');
    await dl.saveAs(json);
    const saved = JSON.parse(fs.readFileSync(json, 'utf8'));
    assert.equal(saved.version, 1);
    assert.equal(Object.keys(saved.items).length, 3);

    // Reset asks first, and can be undone.
    await page.getByRole('button', { name: 'Reset progress…' }).click();
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    assert.notDeepEqual(await checkedIds(page), ticked);
    await page.getByRole('button', { name: 'Undo' }).click();
    assert.deepEqual(await checkedIds(page), ticked);
    // Reset for real, then import.
    await page.getByRole('button', { name: 'Progress ▾' }).click();
    await page.getByRole('button', { name: 'Reset progress…' }).click();
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.reload();
    await box(page, 'Alpha').waitFor();
    assert.equal(await box(page, 'Alpha').isChecked(), false, 'reset is stored');
    await page.getByRole('button', { name: 'Progress ▾' }).click();
    await page.getByLabel('Import progress file').setInputFiles(json);
    await page.getByText('Imported 3 ticks').waitFor();
    assert.deepEqual(await checkedIds(page), ticked);
    await page.reload();
    await box(page, 'Alpha').waitFor();
    assert.deepEqual(await checkedIds(page), ticked, 'import is stored');

    // Download the Markdown; every byte but the boxes is the original.
    await page.getByRole('button', { name: 'Progress ▾' }).click();
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Markdown' }).click()]);
    const mdPath = path.join(dir, 'chain.md');
    await md.saveAs(mdPath);
    const original = fs.readFileSync(path.join(FIXTURES, 'chain.md'));
    const exported = fs.readFileSync(mdPath);
    assert.equal(exported.length, original.length);
    const diffs = [...original].filter((b, k) => b !== exported[k]).length;
    assert.equal(diffs, 3, 'exactly the three changed boxes differ');
    // Re-opened in a fresh browser (no saved progress), it shows the same ticks.
    const fresh = await launch();
    try {
      const p2 = await openPage(fresh.context, site.url);
      await p2.getByLabel('Open roadmap file').setInputFiles(mdPath);
      await box(p2, 'Alpha').waitFor();
      assert.deepEqual(await checkedIds(p2), ticked);
      assertClean(assert, p2);
    } finally { await fresh.context.close(); }
    assertClean(assert, page);
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true });
  }
});

test('an edited document keeps its ticks and shows the ones that no longer match', async () => {
  const { context } = await launch();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-edit-'));
  try {
    const v1 = path.join(dir, 'plan.md');
    fs.writeFileSync(v1, '# Plan\n\n## Build\n- [ ] Write code\n- [ ] Write tests\n\n## Ship\n- [ ] Deploy\n');
    const page = await openPage(context, site.url);
    await page.getByLabel('Open roadmap file').setInputFiles(v1);
    await box(page, 'Write code').check();
    await box(page, 'Write tests').check();
    await box(page, 'Deploy').check();
    await page.waitForTimeout(400);
    // Edited elsewhere: sections reordered, CRLF, a new item, one item removed.
    fs.writeFileSync(v1, '# Plan\r\n\r\n## Ship\r\n- [ ] Deploy\r\n- [ ] Announce\r\n\r\n## Build\r\n- [ ] Write code\r\n');
    await page.goto(site.url);
    await page.getByLabel('Open roadmap file').setInputFiles(v1);
    await box(page, 'Deploy').waitFor();
    assert.ok(await box(page, 'Deploy').isChecked());
    assert.ok(await box(page, 'Write code').isChecked());
    assert.equal(await box(page, 'Announce').isChecked(), false);
    const banner = page.locator('.notice.orphans');
    assert.match(await banner.textContent(), /1 saved tick no longer matches an item/);
    await banner.getByRole('button', { name: 'Review' }).click();
    assert.match(await banner.textContent(), /Write tests/);
    await banner.getByRole('button', { name: 'Discard' }).click();
    assert.equal(await page.locator('.notice.orphans').count(), 0);
    assertClean(assert, page);
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true });
  }
});
