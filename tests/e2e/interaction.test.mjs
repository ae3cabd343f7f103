// Interaction a reader can trust (issue 16): a click opens an item and never ticks it, ticks
// can be undone (and the undo is saved), cards never overflow, the phone layout fits, the board
// is one tab stop, the default grouping fits the document, and the timeline's start date and
// zoom live in the link. axe-core stays at 0 violations with the detail panel open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { servedSite, launch, openPage, assertClean, DIST } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CHAIN = '?src=/__fixtures__/chain.md';
const BIG = 'roadmaps/production-roadmap-future-improvements.md';

const env = servedSite();

async function open(query, context = env.browser.context) {
  const page = await openPage(context, env.site.url + query);
  await page.locator('.doc-title, [role=alert]').first().waitFor();
  return page;
}

const checked = (page, name) => page.locator('.card', { hasText: name }).first().locator('.card-check').isChecked();

test('a click on a card opens its detail and does not tick it', async () => {
  const page = await open(CHAIN);
  const card = page.locator('.card', { hasText: 'Alpha' });
  await card.locator('.card-text').click();
  assert.equal(await checked(page, 'Alpha'), false, 'a click on the text ticked the card');
  const panel = page.getByRole('dialog');
  await panel.waitFor();
  assert.equal(await panel.locator('#detail-title').textContent(), 'Alpha');
  assert.match(await panel.textContent(), /lay the foundation/);
  assert.match(await panel.textContent(), /Critical/);
  assert.match(await panel.textContent(), /line 7/);
  // An item without a phase says so as the panel says every fact the document does not give.
  const phase = await panel.locator('.detail-facts dt', { hasText: 'Phase' }).evaluate((dt) => dt.nextElementSibling.textContent);
  assert.equal(phase, 'None written');
  // Bravo waits on nothing here and nothing waits on it: it says so.
  await page.locator('.card', { hasText: 'Bravo' }).locator('.card-text').click();
  assert.equal(await panel.locator('#detail-title').textContent(), 'Bravo');
  assert.match(await panel.textContent(), /No dependencies/);
  assert.match(await page.url(), /item=/);
  // The panel's checkbox ticks, like the card's.
  await panel.getByRole('checkbox', { name: 'Done' }).check();
  assert.equal(await checked(page, 'Bravo'), true);
  // The source line opens the Document view.
  await panel.getByRole('button', { name: /Show line/ }).click();
  await page.locator('article.document').waitFor();
  // A click on a document item's text opens it too, without ticking it.
  await page.locator('article.document li', { hasText: 'Charlie' }).first().click({ position: { x: 120, y: 8 } });
  assert.equal(await panel.locator('#detail-title').textContent(), 'Charlie');
  assert.match(await panel.textContent(), /2 h/);
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('dialog').count(), 0, 'Escape closes the panel');
  assertClean(assert, page);
  await page.close();
});

test('a dependency in the panel opens that item; a timeline bar opens its phase', async () => {
  const page = await open('?src=/__fixtures__/deps-chain.md');
  const first = page.locator('.card').filter({ has: page.locator('.badge.waiting, .badge.ready') }).first();
  await first.locator('.card-text').click();
  const panel = page.getByRole('dialog');
  await panel.waitFor();
  const before = await panel.locator('#detail-title').textContent();
  const link = panel.locator('.detail-links button').first();
  const target = await link.textContent();
  await link.click();
  const after = await panel.locator('#detail-title').textContent();
  assert.notEqual(after, before);
  assert.equal(after, target);
  await page.close();
  const tl = await open('?src=/__fixtures__/dated_phases.md&view=timeline');
  const bar = tl.locator('[data-phase-id] .tl-bar').first();
  await bar.click();
  await tl.getByRole('dialog').waitFor();
  assert.match(await tl.locator('#detail-title').textContent(), /Phase 1/);
  assertClean(assert, tl);
  await tl.close();
});

test('a tick can be undone from the toast and with Ctrl+Z, and the undo is saved', async () => {
  const page = await open(CHAIN);
  await page.locator('.card', { hasText: 'Echo' }).locator('.card-check').check();
  const toast = page.locator('.toast');
  await toast.waitFor();
  assert.match(await toast.textContent(), /Ticked “Echo announced/);
  await toast.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await checked(page, 'Echo'), false, 'Undo did not untick');
  // Ctrl+Z undoes the latest change; the undo is written like a tick.
  await page.locator('.card', { hasText: 'Charlie' }).locator('.card-check').check();
  await page.locator('.card', { hasText: 'Delta' }).locator('.card-check').uncheck();
  await page.waitForTimeout(400);
  await page.keyboard.press('Control+z');
  assert.equal(await checked(page, 'Delta'), true, 'Ctrl+Z did not restore the untick');
  await page.waitForTimeout(400);
  await page.reload();
  await page.locator('.card').first().waitFor();
  assert.equal(await checked(page, 'Delta'), true, 'the undo was not saved');
  assert.equal(await checked(page, 'Charlie'), true);
  assert.equal(await checked(page, 'Echo'), false);
  // Reset is undone the same way.
  await page.getByRole('button', { name: /Progress/ }).first().click();
  await page.getByRole('menuitem', { name: /Reset/ }).or(page.getByRole('button', { name: /Reset progress/ })).first().click();
  await page.getByRole('button', { name: /^Reset$|Reset all|Yes/ }).first().click();
  assert.equal(await checked(page, 'Charlie'), false, 'reset did not clear');
  await page.keyboard.press('Control+z');
  assert.equal(await checked(page, 'Charlie'), true, 'Ctrl+Z did not undo the reset');
  await page.waitForTimeout(300);
  await page.reload();
  await page.locator('.card').first().waitFor();
  assert.equal(await checked(page, 'Charlie'), true, 'the undone reset was not saved');
  // Typing in the search box keeps the browser's own undo.
  await page.locator('#board-search').fill('x');
  await page.keyboard.press('Control+z');
  assert.equal(await checked(page, 'Charlie'), true);
  assertClean(assert, page);
  await page.close();
});

test('long tokens wrap: no card is wider than its column', async () => {
  const page = await open('?src=/__fixtures__/long-tokens.md');
  await page.locator('.card').first().waitFor();
  const report = await page.evaluate(() => [...document.querySelectorAll('.column')].map((col) => {
    const c = col.getBoundingClientRect();
    const widest = Math.max(...[...col.querySelectorAll('.card, .card *')].map((e) => e.getBoundingClientRect().right));
    return { width: Math.round(c.width), over: Math.round(widest - c.right), scroll: col.scrollWidth - col.clientWidth };
  }));
  for (const r of report) {
    assert.ok(r.over <= 0, `a card sticks out of its column by ${r.over}px`);
    assert.ok(r.scroll <= 0, `a column scrolls sideways by ${r.scroll}px`);
  }
  assert.equal(new Set(report.map((r) => r.width)).size, 1, 'columns keep one width');
  await page.close();
});

test('phone 390×844: compact header, filters behind a button, no sideways scroll, first card visible', async () => {
  const page = await env.browser.context.newPage();
  page.problems = [];
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${env.site.url}?src=${BIG}`);
  await page.locator('.card').first().waitFor();
  await page.waitForTimeout(300);
  const m = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth - window.innerWidth,
    firstCard: document.querySelector('.card').getBoundingClientRect().top,
    header: document.querySelector('.board').getBoundingClientRect().top,
  }));
  console.log(`phone: sideways ${m.scroll}px, board starts at ${Math.round(m.header)}px, first card at ${Math.round(m.firstCard)}px`);
  assert.ok(m.scroll <= 0, `the page scrolls sideways by ${m.scroll}px`);
  assert.ok(m.firstCard < 844 - 60, `first card at ${m.firstCard}px, below the first screen`);
  // Filters sit behind one button.
  assert.equal(await page.locator('.chips').first().isVisible(), false);
  await page.getByRole('button', { name: /^Filters/ }).click();
  assert.equal(await page.locator('.chips').first().isVisible(), true);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'open filters scroll sideways');
  // Columns after the first are folded with their count; a tap unfolds one.
  const folded = page.locator('.column.collapsed').first();
  assert.ok(await folded.count() > 0, 'no folded column');
  await folded.locator('.column-toggle').click();
  assert.equal(await page.locator('.column.collapsed').count() < (await page.locator('.column').count()) - 1, true);
  // The detail panel is a dialog over the board.
  await page.locator('.card .card-text').first().click();
  const box = await page.getByRole('dialog').boundingBox();
  assert.ok(box.width <= 390 && box.x >= 0, 'panel wider than the phone');
  await page.close();
  // Timeline labels keep the words that tell phases apart (wrapped, never cut to "Phase 3: Cov…").
  const tl = await env.browser.context.newPage();
  await tl.setViewportSize({ width: 390, height: 844 });
  await tl.goto(`${env.site.url}?src=/__fixtures__/dated_phases.md&view=timeline`);
  await tl.locator('[data-phase-id]').first().waitFor();
  const labels = await tl.evaluate(() => [...document.querySelectorAll('.tl-labels .tl-label')].map((g) => {
    const text = g.querySelector('text');
    const shown = text.querySelectorAll('tspan').length
      ? [...text.querySelectorAll('tspan')].map((t) => t.textContent).join(' ')
      : text.textContent;
    return { title: g.querySelector('title').textContent, shown };
  }));
  assert.ok(labels.length > 0);
  for (const { title, shown } of labels) {
    // The first three words ("Phase 3: Coverage") tell phases apart: never cut.
    const head = title.split(/\s+/).slice(0, 3).join(' ');
    assert.ok(shown.startsWith(head) || title.startsWith(shown), `label cut: "${shown}" of "${title}"`);
  }
  assert.equal(new Set(labels.map((l) => l.shown)).size, labels.length, 'two labels read the same');
  assert.ok(await tl.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the timeline page scrolls sideways');
  await tl.close();
});

test('keyboard: the board is one tab stop, arrows move, Space ticks, Enter opens; skip link', async () => {
  const page = await open(`?src=${BIG}`);
  await page.locator('.card').first().waitFor();
  await page.waitForTimeout(300);
  const stops = await page.evaluate(() => [...document.querySelectorAll('.board a[href], .board button, .board input, .board [tabindex]')]
    .filter((e) => e.tabIndex >= 0 && !e.disabled && e.offsetParent !== null).length);
  const cards = await page.locator('.card').count();
  console.log(`keyboard: ${cards} cards, ${stops} tab stops on the board`);
  assert.ok(stops <= 1 + (await page.locator('.board .more button').count()), `${stops} tab stops on the board`);
  // Skip link first.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to board');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('card')), true);
  const firstId = await page.evaluate(() => document.activeElement.dataset.itemId);
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => document.activeElement.dataset.itemId);
  assert.notEqual(second, firstId, 'ArrowDown did not move');
  assert.equal(await page.evaluate(() => document.activeElement.tabIndex), 0, 'roving tabindex did not follow');
  const before = await page.evaluate(() => document.activeElement.querySelector('.card-check').checked);
  await page.keyboard.press('Space');
  assert.equal(await page.evaluate(() => document.activeElement.querySelector('.card-check').checked), !before, 'Space did not tick');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'detail-panel', 'Enter did not open and focus the panel');
  // The focused card keeps a strong ring on a dimmed board.
  await page.keyboard.press('Escape');
  await page.locator(`.card[data-item-id="${second}"]`).focus();
  const ring = await page.evaluate(() => { const s = getComputedStyle(document.activeElement); return { w: s.outlineWidth, o: s.opacity }; });
  assert.equal(ring.w, '3px');
  assertClean(assert, page);
  await page.close();
});

test('the default grouping fits the document; the link\'s choice wins', async () => {
  const page = await open('?src=/__fixtures__/nested-phases.md');
  await page.locator('.card').first().waitFor();
  const titles = await page.locator('.column-title').allTextContents();
  assert.deepEqual(titles, ['Overview', 'Stage 1: Foundation', 'Stage 2: Build', 'Stage 3: Launch']);
  await page.close();
  const chosen = await open('?src=/__fixtures__/nested-phases.md&group=status');
  await chosen.locator('.card').first().waitFor();
  assert.equal(await chosen.locator('#group-by').inputValue(), 'status');
  await chosen.close();
});

test('the timeline start date and zoom live in the link', async () => {
  const page = await open('?src=roadmaps/miro-clone-cycle-35.md&view=timeline');
  await page.locator('#tl-start').waitFor();
  await page.locator('#tl-start').fill('2026-03-02');
  await page.getByRole('button', { name: 'Week' }).click();
  await page.waitForTimeout(200);
  assert.match(page.url(), /start=2026-03-02/);
  assert.match(page.url(), /zoom=week/);
  // A fresh browser opening the link sees the same timeline.
  const other = await launch();
  const shared = await open(page.url().slice(env.site.url.length), other.context);
  await shared.locator('#tl-start').waitFor();
  assert.equal(await shared.locator('#tl-start').inputValue(), '2026-03-02');
  assert.equal(await shared.getByRole('button', { name: 'Week' }).getAttribute('aria-pressed'), 'true');
  await other.context.close();
  await page.close();
});

test('axe-core: no violations with the detail panel open, light and dark, desktop and phone', async () => {
  const audit = await launch(undefined, { bypassCSP: true });
  for (const width of [1280, 390]) {
    for (const colorScheme of ['light', 'dark']) {
      const page = await audit.context.newPage();
      await page.setViewportSize({ width, height: 844 });
      await page.emulateMedia({ colorScheme });
      await page.goto(`${env.site.url}?src=/__fixtures__/deps-chain.md`);
      await page.locator('.card').first().waitFor();
      await page.locator('.card .card-text').nth(1).click();
      await page.getByRole('dialog').waitFor();
      await page.locator('#detail-cb').click();
      await page.locator('.toast').waitFor();
      await page.addScriptTag({ content: AXE });
      const v = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      });
      assert.deepEqual(v, [], `detail panel (${width}px, ${colorScheme})`);
      await page.close();
    }
  }
  await audit.context.close();
});

test('a link naming an item the document does not have dims nothing and opens nothing', async () => {
  const page = await open(CHAIN + '&item=i-not-in-this-document');
  await page.locator('.card').first().waitFor();
  assert.equal(await page.locator('.board.has-selection').count(), 0, 'the board was dimmed around nothing');
  assert.equal(await page.locator('[data-highlight]').count(), 0);
  assert.equal(await page.getByRole('dialog').count(), 0);
  assertClean(assert, page);
  await page.close();
});

test('a wide board: every column gets its first page (those past the first screen right after it); the highlight follows cards drawn later', async () => {
  const { generated } = await import('./bench-data.mjs');
  // 20 columns of 100 tasks; each task waits on the one before and the one seven before.
  const file = path.join(DIST, 'e2e-wide-2000.md');
  fs.writeFileSync(file, generated(2000));
  try {
    const page = await open('?src=e2e-wide-2000.md');
    const columns = page.locator('.board .column');
    await page.waitForFunction(() => {
      const cols = [...document.querySelectorAll('.board .column')];
      return cols.length === 20 && cols.every((c) => c.querySelectorAll('.card').length === 40 && c.querySelector('.more'));
    }, null, { timeout: 30000 });
    assert.equal(await columns.count(), 20);
    const card = (n) => page.locator('.board .card', { hasText: `Task ${n}: implement` });
    const role = (n) => card(n).getAttribute('data-highlight');
    // Select Task 30: what it waits on is upstream, what waits on it (everything after) downstream.
    await card(30).locator('.badges').click();
    await page.waitForFunction(() => document.querySelector('.card[data-highlight="selected"]'));
    assert.deepEqual([await role(30), await role(29), await role(3), await role(31), await role(1939)], ['selected', 'upstream', 'upstream', 'downstream', 'downstream']);
    // Cards drawn after the selection are drawn highlighted…
    await columns.first().getByRole('button', { name: 'Show 60 more' }).click();
    await card(50).waitFor();
    assert.equal(await role(50), 'downstream');
    // …and follow the next selection like the others.
    await card(60).locator('.badges').click();
    await page.waitForFunction(() => document.querySelector('.card[data-highlight="selected"]')?.textContent.includes('Task 60:'));
    assert.deepEqual([await role(60), await role(50), await role(30), await role(61), await role(99)], ['selected', 'upstream', 'upstream', 'downstream', 'downstream']);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('main [data-highlight]'));
    assertClean(assert, page);
    await page.close();
  } finally {
    fs.rmSync(file, { force: true });
  }
});
