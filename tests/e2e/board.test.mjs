// The board (issue 4): loading four ways, board ↔ document ticks, grouping, search and
// filters, URL state, refusals with clear messages, recent documents, accessibility.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { createRequire } from 'node:module';
import { serve, launch, openPage, assertClean, DIST, FIXTURES } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BUNDLED = fs.readdirSync(path.join(DIST, 'roadmaps')).filter((f) => f.endsWith('.md'));
const SEED3 = 'roadmaps/sacred-shifter-implementation-plan.md';

let site, other, browser;
before(async () => {
  site = await serve(DIST);
  other = await serve(DIST); // a second origin without CORS headers
  browser = await launch();
});
after(async () => {
  await browser.context.close();
  await site.close();
  await other.close();
});

async function open(query) {
  const page = await openPage(browser.context, site.url + query);
  await page.locator('.doc-title, [role=alert]').first().waitFor();
  return page;
}

async function axe(page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  return result;
}

test('every bundled example opens as a board and as a document', async () => {
  assert.equal(BUNDLED.length, 5);
  for (const file of BUNDLED) {
    const page = await open(`?src=roadmaps/${file}`);
    const title = await page.locator('.doc-title').textContent();
    assert.ok(title.trim().length > 0, `${file}: empty title`);
    await page.getByRole('tab', { name: 'Document' }).click();
    await page.locator('article.document').waitFor();
    assert.ok((await page.locator('article.document h1, article.document h2').count()) > 0, `${file}: no headings`);
    await page.getByRole('tab', { name: 'Board' }).click();
    await page.locator('.board').waitFor();
    assertClean(assert, page);
    await page.close();
  }
});

test('ticking a card on the Board shows in the Document view, and back', async () => {
  const page = await open('?src=/__fixtures__/chain.md');
  const card = page.locator('.card', { hasText: 'Alpha' });
  const id = await card.getAttribute('data-item-id');
  assert.ok(id);
  await card.locator('.card-check').check();
  await page.getByRole('tab', { name: 'Document' }).click();
  const docBox = page.locator(`.doc-check[data-item-id="${id}"]`);
  assert.ok(await docBox.isChecked(), 'board tick not in document view');
  // Code blocks hold no tasks: the fixture has 7 task items outside its code block.
  assert.equal(await page.locator('.doc-check').count(), 7);
  await docBox.uncheck();
  await page.getByRole('tab', { name: 'Board' }).click();
  assert.equal(await page.locator('.card', { hasText: 'Alpha' }).locator('.card-check').isChecked(), false);
  assertClean(assert, page);
  await page.close();
});

test('opening a file with the file input', async () => {
  const page = await openPage(browser.context, site.url);
  await page.getByLabel('Open roadmap file').setInputFiles(path.join(FIXTURES, 'chain.md'));
  await page.locator('.doc-title').waitFor();
  assert.equal(await page.locator('.doc-title').textContent(), 'Chain fixture');
  await page.waitForURL(/[?&]doc=file:chain\.md/); // the address follows the view
  // The document is kept in this browser: a reload shows it again.
  await page.reload();
  await page.locator('.doc-title').waitFor();
  assert.ok((await page.locator('.card').count()) >= 4);
  assertClean(assert, page);
  await page.close();
});

test('dropping a file anywhere shows a drop target and opens it', async () => {
  const page = await openPage(browser.context, site.url);
  await page.locator('.roadmap-entry').first().waitFor();
  const text = fs.readFileSync(path.join(FIXTURES, 'chain.md'), 'utf8');
  const dt = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], 'dropped-plan.md', { type: 'text/markdown' }));
    return d;
  }, text);
  await page.dispatchEvent('main', 'dragover', { dataTransfer: dt });
  assert.ok(await page.locator('.drop-overlay.visible').isVisible(), 'visible drop target while dragging');
  assert.match(await page.locator('.drop-target').textContent(), /Drop a Markdown file/);
  await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
  await page.locator('.doc-title').waitFor();
  assert.equal(await page.locator('.doc-title').textContent(), 'Chain fixture');
  await page.waitForURL(/doc=file:dropped-plan\.md/); // the address follows the view
  assert.equal(await page.locator('.drop-overlay.visible').count(), 0);
  assertClean(assert, page);
  await page.close();
});

test('pasting Markdown', async () => {
  const page = await openPage(browser.context, site.url);
  await page.getByLabel('Paste Markdown').fill('# Pasted plan\n\n## Now\n- [ ] one\n- [x] two\n');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.locator('.doc-title').waitFor();
  assert.equal(await page.locator('.doc-title').textContent(), 'Pasted plan');
  assert.equal(await page.getByRole('progressbar', { name: 'Overall progress' }).getAttribute('aria-valuenow'), '50');
  assertClean(assert, page);
  await page.close();
});

test('?src= with a relative and an absolute URL; a cross-origin refusal is explained', async () => {
  let page = await open('?src=__fixtures__/chain.md');
  assert.equal(await page.locator('.doc-title').textContent(), 'Chain fixture');
  await page.close();
  // Same origin, absolute address.
  page = await open(`?src=${encodeURIComponent(site.url + '__fixtures__/chain.md')}`);
  assert.equal(await page.locator('.doc-title').textContent(), 'Chain fixture');
  await page.close();
  // Another origin that sends no CORS headers.
  page = await open(`?src=${encodeURIComponent(other.url + '__fixtures__/chain.md')}`);
  const alert = await page.getByRole('alert').textContent();
  assert.match(alert, /does not allow other sites to read this file \(CORS\)/);
  await page.close();
});

test('grouping, search and filters, kept in the URL across a reload', async () => {
  const page = await open(`?src=${SEED3}`);
  await page.getByLabel('Group by').selectOption('status');
  await page.locator('.column[data-column="done"]').waitFor();
  const heads = await page.locator('.column-title').allTextContents();
  assert.deepEqual(heads.slice(0, 4), ['To do', 'In progress', 'Blocked', 'Done']);
  await page.waitForURL(/group=status/); // the address follows the view

  await page.getByLabel('Find').fill('monitoring');
  await page.waitForFunction(() => /Showing \d+ of/.test(document.querySelector('.count')?.textContent ?? ''));
  const shown = await page.locator('.board .card').count();
  assert.ok(shown > 0 && shown < 40, `search left ${shown} cards`);
  for (const t of await page.locator('.board .card .card-text').allTextContents()) {
    assert.match(t.toLowerCase(), /monitoring/);
  }
  await page.getByText('Hide done').click();
  const notDone = await page.locator('.board .card').count();
  assert.ok(notDone <= shown);
  await page.waitForURL(/q=monitoring/); // the address follows the view
  await page.waitForURL(/hide=done/); // the address follows the view

  await page.getByRole('tab', { name: 'Document' }).click();
  await page.waitForURL(/view=document/); // the address follows the view
  await page.reload();
  await page.locator('article.document').waitFor();
  await page.getByRole('tab', { name: 'Board' }).click();
  assert.equal(await page.getByLabel('Find').inputValue(), 'monitoring');
  assert.equal(await page.getByLabel('Group by').inputValue(), 'status');
  assert.equal(await page.locator('.board .card').count(), notDone);
  assertClean(assert, page);
  await page.close();
});

test('arrow keys move between cards', async () => {
  const page = await open(`?src=${SEED3}`);
  const first = page.locator('.column').first().locator('.card-check').first();
  await first.focus();
  await page.keyboard.press('ArrowDown');
  const secondId = await page.locator('.column').first().locator('.card').nth(1).getAttribute('data-item-id');
  assert.equal(await page.evaluate(() => document.activeElement.closest('.card')?.dataset.itemId), secondId);
  await page.keyboard.press('ArrowRight');
  const col = await page.evaluate(() => document.activeElement.closest('.column')?.dataset.column);
  assert.equal(col, await page.locator('.column').nth(1).getAttribute('data-column'));
  await page.close();
});

test('bad files get a clear message and the app stays usable', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-bad-'));
  const png = path.join(dir, 'picture.md');
  fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  const latin1 = path.join(dir, 'latin1.md');
  fs.writeFileSync(latin1, Buffer.from('# Caf\xe9 plan\n- [ ] d\xe9j\xe0 vu\n', 'latin1'));
  const huge = path.join(dir, 'huge.md');
  fs.writeFileSync(huge, Buffer.alloc(6 * 1024 * 1024, 'a'));
  const page = await openPage(browser.context, site.url);
  const input = page.getByLabel('Open roadmap file');
  // Each refusal replaces the previous message: wait for the new one.
  await input.setInputFiles(png);
  await page.getByRole('alert').filter({ hasText: /binary file/ }).waitFor();
  await input.setInputFiles(latin1);
  await page.getByRole('alert').filter({ hasText: /not UTF-8 text/ }).waitFor();
  await input.setInputFiles(huge);
  await page.getByRole('alert').filter({ hasText: /up to 5 MB/ }).waitFor();
  // Still usable: a good file opens.
  await input.setInputFiles(path.join(FIXTURES, 'chain.md'));
  await page.locator('.doc-title').waitFor();
  assertClean(assert, page);
  await page.close();
  fs.rmSync(dir, { recursive: true });
});

test('recently opened documents are listed and can be forgotten', async () => {
  const { context } = await launch();
  try {
    const page = await openPage(context, site.url + '?src=/__fixtures__/chain.md');
    await page.locator('.doc-title').waitFor();
    await page.goto(site.url);
    const recent = page.getByRole('region', { name: 'Recently opened' });
    await recent.getByRole('link', { name: 'Chain fixture' }).waitFor();
    await recent.getByRole('button', { name: 'Forget Chain fixture' }).click();
    assert.equal(await page.getByRole('region', { name: 'Recently opened' }).count(), 0);
    assertClean(assert, page);
  } finally { await context.close(); }
});

test('axe-core finds no violations on home, Board and Document of seed 003', async () => {
  // axe is injected as an inline script, which the site's CSP forbids: bypass it for the audit.
  const audit = await launch(undefined, { bypassCSP: true });
  for (const colorScheme of ['light', 'dark']) {
    const page = await audit.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(site.url);
    await page.locator('.roadmap-entry').first().waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(await axe(page), [], `home (${colorScheme})`);
    await page.goto(`${site.url}?src=${SEED3}`);
    await page.locator('.card').first().waitFor();
    assert.deepEqual(await axe(page), [], `board (${colorScheme})`);
    await page.getByRole('tab', { name: 'Document' }).click();
    await page.locator('article.document').waitFor();
    assert.deepEqual(await axe(page), [], `document (${colorScheme})`);
    await page.close();
  }
  await audit.context.close();
});

// Issue 14: an outline roadmap becomes cards with collapsed details; out of scope is shown
// apart, filterable by status, and never counted in the header.
const OUTLINE = [
  '# Widget roadmap', '',
  '## Short Term', '',
  '### Rate limiting', '', 'Limit the rate at which publishers can publish.', '',
  '### Offline mode', '', '**Status:** In progress', '', 'Keep the last documents.', '',
  '## Non-goals', '', '- A mobile app', '- [ ] A desktop app', '',
].join('\n');

test('an outline reads as cards with details; out of scope is apart and not counted', async () => {
  const audit = await launch(undefined, { bypassCSP: true });
  const page = await audit.context.newPage();
  await page.goto(site.url);
  await page.getByLabel('Paste Markdown').fill(OUTLINE);
  await page.getByRole('button', { name: 'Show' }).click();
  await page.locator('.doc-title').waitFor();
  await page.locator('.card').first().waitFor();
  assert.equal(await page.locator('.card').count(), 4);
  // two cards count (rate limiting, offline mode): 0 of 2 done, the non-goals are not counted
  assert.equal(await page.getByRole('progressbar', { name: 'Overall progress' }).getAttribute('aria-valuetext'), '0%, 0 of 2 done');
  assert.equal(await page.locator('.card.out-of-scope').count(), 2);
  assert.equal(await page.locator('.card.out-of-scope .badge.status-out_of_scope').first().textContent(), 'Out of scope');
  // details are collapsed and drawn when opened
  const card = page.locator('.card', { hasText: 'Rate limiting' });
  const details = card.locator('details.card-details');
  assert.equal(await details.getAttribute('open'), null);
  await details.locator('summary').click();
  await card.locator('.details-body p').waitFor();
  assert.match(await card.locator('.details-body').textContent(), /Limit the rate/);
  assert.equal(await page.locator('.card.selected').count(), 0, 'opening details does not select the card');
  // away from the card: hovering previews its dependencies and dims the others
  await page.mouse.move(1, 1);
  await page.waitForTimeout(200);
  assert.deepEqual(await axe(page), [], 'outline board');
  // the status filter knows "Out of scope", and the address carries it
  await page.locator('.chip.status-out_of_scope input').check();
  await page.waitForURL(/status=out_of_scope/);
  assert.equal(await page.locator('.card').count(), 2);
  await page.selectOption('#group-by', 'status');
  const heads = await page.locator('.column-title').allTextContents();
  assert.deepEqual(heads, ['To do', 'In progress', 'Blocked', 'Done', 'Out of scope']);
  assert.equal(await page.locator('.column[data-column=out_of_scope] .column-count').textContent(), 'not counted');
  await page.close();
  await audit.context.close();
});
