// Issue 18: the Health list (what `roadboard check` reports) beside the Dependencies panel,
// each finding linked to its line; Download snapshot (a static page, no scripts); the
// timeline's Download SVG is the core's standalone drawing (title, as-of date, legend).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, openPage, assertClean, DIST } from './harness.mjs';

let site, browser;
before(async () => { site = await serve(DIST); browser = await launch(); });
after(async () => { await browser.context.close(); await site.close(); });

test('the Health list counts findings and links each to its line', async () => {
  const page = await openPage(browser.context, `${site.url}?src=/__fixtures__/references.md`);
  const summary = page.locator('.health-panel .health-summary');
  await summary.waitFor();
  assert.equal(await summary.textContent(), '1 error · 2 warnings');
  assert.ok(await summary.evaluate((el) => el.classList.contains('has-errors')));
  await page.locator('.health-panel summary').click();
  const findings = page.locator('.health-list li');
  // the panel (the check and its list) is drawn right after the page's first frame
  await findings.first().waitFor();
  assert.equal(await findings.count(), 3);
  const ambiguous = findings.filter({ hasText: 'Write tests' });
  assert.match(await ambiguous.textContent(), /^error .*names 2 things.*line 67$/s);
  assert.match(await findings.first().textContent(), /^warning the document claims 45% done, but 5 of 27 items are done/);
  await ambiguous.getByRole('button', { name: 'Show line 67 in the document' }).click();
  await page.locator('#tab-document[aria-selected="true"]').waitFor();
  assertClean(assert, page);
  await page.close();
});

test('a document without findings shows no Health list', async () => {
  const page = await openPage(browser.context, `${site.url}?src=roadmaps/sacred-shifter-implementation-plan.md`);
  await page.locator('.board .card').first().waitFor();
  assert.equal(await page.locator('.health-panel').count(), 0);
  assertClean(assert, page);
  await page.close();
});

test('Download snapshot is a static page with the reader\'s ticks and no scripts', async () => {
  const page = await openPage(browser.context, `${site.url}?src=roadmaps/sacred-shifter-implementation-plan.md`);
  await page.locator('.board .card').first().waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download snapshot' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^sacred-shifter.*-snapshot\.html$/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roadboard-snapshot-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const html = fs.readFileSync(file, 'utf8');
  assert.ok(!/<script/i.test(html), 'no scripts');
  assert.ok(!/(src|href)=|@import|url\((?!#)/i.test(html), 'nothing fetched from outside');
  assert.match(html, /As of /);
  assert.match(html, /from sacred-shifter-implementation-plan\.md/);
  assert.match(html, /<h2>Board<\/h2>/);
  assert.match(html, /Phase 6: Post-Launch Support/);
  // Opened with JavaScript off, it shows the board and asks for nothing.
  const noJs = await launch(undefined, { javaScriptEnabled: false });
  try {
    const requests = [];
    const viewer = await noJs.context.newPage();
    viewer.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    await viewer.goto(`file://${file}`);
    assert.ok(await viewer.locator('.board .column').count() > 3);
    assert.ok(await viewer.locator('.timeline svg').count() === 1);
    assert.deepEqual(requests, []);
  } finally {
    await noJs.context.close();
  }
  assertClean(assert, page);
  await page.close();
});

test('Download SVG is the standalone drawing: title, as-of date, legend', async () => {
  const page = await openPage(browser.context, `${site.url}?src=roadmaps/sacred-shifter-implementation-plan.md&view=timeline`);
  await page.locator('.tl-chart').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'roadboard-svg-')), 'timeline.svg');
  await download.saveAs(file);
  const svg = fs.readFileSync(file, 'utf8');
  assert.match(svg, />Sacred Shifter Production Implementation Plan</);
  assert.match(svg, />As of [A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2} \d{4} · \d+\/155 done/);
  assert.match(svg, />depends on</);
  assert.ok(!svg.includes('…'), 'no title is cut');
  assertClean(assert, page);
  await page.close();
});
