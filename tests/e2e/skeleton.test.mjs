// Walking skeleton: home lists the bundled roadmaps; an opened roadmap shows labelled
// checkboxes; a tick survives a reload and a browser restart; raw HTML is never executed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, openPage, assertClean, DIST } from './harness.mjs';

let site;
before(async () => { site = await serve(DIST); });
after(async () => { await site.close(); });

test('home page lists the five bundled roadmaps', async () => {
  const { context } = await launch();
  try {
    const page = await openPage(context, site.url);
    const links = page.locator('.roadmap-entry a');
    await links.first().waitFor();
    assert.equal(await links.count(), 5);
    await page.getByText('Sacred Shifter Production Implementation Plan').waitFor();
    assertClean(assert, page);
  } finally { await context.close(); }
});

test('a tick persists across reload and browser restart', async () => {
  const { context, userDataDir } = await launch();
  const url = `${site.url}?src=roadmaps/sacred-shifter-implementation-plan.md`;
  let label;
  try {
    const page = await openPage(context, site.url);
    await page.locator('.roadmap-entry a', { hasText: 'Sacred Shifter' }).click();
    await page.locator('.doc-title').waitFor();
    assert.equal(await page.locator('.doc-title').textContent(), 'Sacred Shifter Production Implementation Plan');
    // Every GFM task item is a real checkbox in the Document view (126 in seed 003).
    await page.getByRole('tab', { name: 'Document' }).click();
    assert.equal(await page.locator('.doc-check').count(), 126);
    assert.equal(await page.locator('.doc-check:checked').count(), 36);
    await page.getByRole('tab', { name: 'Board' }).click();
    // An unticked task item: tick it through its label (proves the label is wired).
    label = 'Unit tests for all service methods';
    const doneCount = async () => Number((await page.locator('.overall-text').textContent()).match(/(\d+) of/)[1]);
    const before = await doneCount();
    await page.getByLabel(label, { exact: true }).check();
    assert.equal(await doneCount(), before + 1);
    await page.reload();
    await page.locator('.doc-title').waitFor();
    assert.ok(await page.getByLabel(label, { exact: true }).isChecked(), 'tick lost on reload');
    await page.getByRole('tab', { name: 'Document' }).click();
    assert.equal(await page.locator('.doc-check:checked').count(), 37);
    assertClean(assert, page);
  } finally { await context.close(); }

  // Same profile, same origin: the tick is still there after a browser restart.
  const again = await launch(userDataDir);
  try {
    const page = await openPage(again.context, url);
    await page.locator('.doc-title').waitFor();
    assert.ok(await page.getByLabel(label, { exact: true }).isChecked(), 'tick lost on restart');
    assertClean(assert, page);
  } finally { await again.context.close(); }
});

test('raw HTML in a document is shown as text, never executed', async () => {
  const fixture = path.join(DIST, 'e2e-xss.md');
  fs.writeFileSync(fixture, [
    '# XSS <img src=x onerror="window.__pwned=1">',
    '',
    '## Tasks <script>window.__pwned=2</script>',
    '',
    '- [ ] <img src=x onerror="window.__pwned=3"> image task',
    '- [ ] <b onmouseover="window.__pwned=4">bold</b> task',
    '',
  ].join('\n'));
  const { context } = await launch();
  try {
    const page = await openPage(context, `${site.url}?src=e2e-xss.md`);
    await page.locator('.doc-title').waitFor();
    await page.locator('.card').first().hover();
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('img').count(), 0, 'an <img> from the document was injected');
    assert.equal(await page.locator('.card .card-check').count(), 2);
    assertClean(assert, page);
  } finally { await context.close(); fs.rmSync(fixture); }
});

test('a missing document gets a clear message', async () => {
  const { context } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}?src=roadmaps/does-not-exist.md`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /could not be opened.*404/s);
  } finally { await context.close(); }
});
