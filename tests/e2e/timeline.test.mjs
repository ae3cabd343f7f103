// The Timeline tab (issue 5): bars in order, live progress, a start date that puts dates on the
// axis and is kept per document, selection, the table, the critical path, SVG and PNG export
// that open on their own, the empty state, accessibility (axe) in both themes, phone width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { servedSite, launch, openPage, assertClean, DIST } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SEED1 = 'roadmaps/miro-clone-cycle-35.md';
const SEED3 = 'roadmaps/sacred-shifter-implementation-plan.md';

const env = servedSite();

async function timeline(src, { width } = {}) {
  const page = await openPage(env.browser.context, 'about:blank');
  if (width) await page.setViewportSize({ width, height: 844 });
  await page.goto(`${env.site.url}?src=${src}&view=timeline`);
  await page.locator('.tl-chart, .empty-state').first().waitFor();
  return page;
}

/** Phase ids and bar x positions, in the order the rows are drawn. */
async function bars(page) {
  return page.$$eval('.tl-chart [data-phase-id]', (gs) => gs.map((g) => ({
    id: g.dataset.phaseId,
    x: Number(g.querySelector('.tl-bar').getAttribute('x')),
    y: Number(g.querySelector('.tl-bar').getAttribute('y')),
    w: Number(g.querySelector('.tl-bar').getAttribute('width')),
    label: g.getAttribute('aria-label'),
  })));
}

test('seed 001: five bars in order, one working day per "Day"', async () => {
  const page = await timeline(SEED1);
  const b = await bars(page);
  assert.equal(b.length, 5);
  b.forEach((x, i) => assert.ok(x.label.startsWith(`Phase Phase ${i + 1}:`), x.label));
  assert.ok(b[0].label.startsWith('Phase Phase 1: Critical Fixes: from Day 1 to Day 1'), b[0].label);
  for (let i = 1; i < 5; i++) {
    assert.ok(b[i].x > b[i - 1].x, 'bars move right');
    assert.ok(b[i].y > b[i - 1].y, 'rows move down');
  }
  // 0..1, 1..2, 2..3, 3..5, 5..7: widths 1:1:1:2:2.
  const unit = b[0].w;
  assert.deepEqual(b.map((x) => Math.round(x.w / unit)), [1, 1, 1, 2, 2]);
  assert.match(b[3].label, /from Day 4 to Day 5 \(Day 4-5\), 0 of 5 done/);
  const ticks = await page.locator('.tl-tick text').allTextContents();
  assert.equal(ticks[0], 'Day 1');
  assert.equal(await page.locator('.tl-arrow').count(), 4);
  assertClean(assert, page);
  await page.close();
});

test('progress is live: a tick on the board fills the bar', async () => {
  const page = await timeline(SEED1);
  const first = page.locator('.tl-chart [data-phase-id]').first();
  const id = await first.getAttribute('data-phase-id');
  assert.equal(await first.locator('.tl-fill').getAttribute('width'), '0');
  // An item of Phase 1 ("Fix SessionPayload TypeScript errors").
  const card = '.card[data-item-id="i-fix-sessionpayload-typescript-er-zlt5hn"] .card-check';
  await page.getByRole('tab', { name: 'Board' }).click();
  await page.locator(card).check();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const bar = page.locator(`[data-phase-id="${id}"]`);
  assert.match(await bar.locator('.tl-note').textContent(), /Day 1 · 1\/5/);
  assert.ok(Number(await bar.locator('.tl-fill').getAttribute('width')) > 0);
  // Untick again so other tests see the document's own state.
  await page.getByRole('tab', { name: 'Board' }).click();
  await page.locator(card).uncheck();
  assertClean(assert, page);
  await page.close();
});

test('a start date shows dates without weekends, a today line, and is kept per document', async () => {
  const page = await timeline(SEED1);
  await page.getByLabel('Start date').fill('2026-11-27'); // a Friday
  await page.waitForFunction(() => document.querySelector('.tl-tick text')?.textContent === 'Nov 27');
  const ticks = await page.locator('.tl-tick text').allTextContents();
  assert.deepEqual(ticks.slice(0, 3), ['Nov 27', 'Nov 30', 'Dec 1']);
  const b = await bars(page);
  assert.match(b[1].label, /from Mon 30 Nov 2026 to Mon 30 Nov 2026/);
  assert.equal(
    await page.evaluate((k) => localStorage.getItem(k), `roadboard:start:${SEED1}`),
    '2026-11-27',
  );
  // A date around today draws the today line.
  const today = await page.evaluate(() => {
    const d = new Date();
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  });
  await page.getByLabel('Start date').fill(today);
  await page.locator('.tl-today line').waitFor({ state: 'attached' });
  // The start date is in the link too (issue 16): the reload reads the address once written.
  await page.waitForURL((u) => u.searchParams.get('start') === today);
  // Kept across a reload; another document keeps its own (none).
  await page.reload();
  await page.locator('.tl-chart').waitFor();
  assert.equal(await page.getByLabel('Start date').inputValue(), today);
  await page.goto(`${env.site.url}?src=${SEED3}&view=timeline`);
  await page.locator('.tl-chart').waitFor();
  assert.equal(await page.getByLabel('Start date').inputValue(), '');
  // A stored value that is not a date is ignored, never a crash.
  await page.evaluate((k) => localStorage.setItem(k, 'next tuesday'), `roadboard:start:${SEED3}`);
  await page.reload();
  await page.locator('.tl-chart').waitFor();
  assert.equal(await page.getByLabel('Start date').inputValue(), '');
  assert.equal((await page.locator('.tl-tick text').allTextContents())[0], 'Week 1');
  // Clearing the field forgets the date.
  await page.goto(`${env.site.url}?src=${SEED1}&view=timeline`);
  await page.getByLabel('Start date').fill('');
  await page.waitForFunction(() => document.querySelector('.tl-tick text')?.textContent === 'Day 1');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), `roadboard:start:${SEED1}`), null);
  assertClean(assert, page);
  await page.close();
});

test('seed 003: six bars, the last open-ended and fading', async () => {
  const page = await timeline(SEED3);
  const b = await bars(page);
  assert.equal(b.length, 6);
  const last = page.locator('.tl-chart [data-phase-id]').last();
  assert.match(await last.getAttribute('class'), /\bopen\b/);
  assert.match(b[5].label, /open-ended \(Week 8\+\)/);
  const fill = await last.locator('.tl-bar').evaluate((r) => getComputedStyle(r).fill);
  assert.match(fill, /url\(.*#tl-fade/);
  await page.close();
});

test('selecting a bar by click or Enter sets the selected item in the address', async () => {
  const page = await timeline(SEED1);
  const b = await bars(page);
  await page.locator(`[data-phase-id="${b[2].id}"] .tl-bar`).click();
  await page.waitForFunction((id) => location.search.includes(`item=${id}`), b[2].id);
  const outline = (id) => page.locator(`[data-phase-id="${id}"] .tl-outline`).evaluate((r) => getComputedStyle(r).stroke);
  assert.notEqual(await outline(b[2].id), 'none', 'the selected bar is outlined');
  // Dependency highlighting (issue 6): phase order makes earlier phases upstream, later downstream.
  const role = (id) => page.locator(`[data-phase-id="${id}"]`).getAttribute('data-highlight');
  assert.equal(await role(b[2].id), 'selected');
  assert.equal(await role(b[1].id), 'upstream');
  assert.equal(await role(b[3].id), 'downstream');
  await page.locator(`[data-phase-id="${b[0].id}"]`).focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.phaseId), b[1].id);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => location.search.includes(`item=${id}`), b[1].id);
  assertClean(assert, page);
  await page.close();
});

test('critical path, zoom and the table', async () => {
  const page = await timeline(SEED3);
  await page.getByRole('button', { name: 'Critical path', exact: true }).click();
  await page.locator('.tl-scroll.show-critical').waitFor();
  assert.equal(await page.locator('.tl-arrow.critical').count(), 5);
  const widthFit = Number(await page.locator('.tl-chart').getAttribute('width'));
  await page.getByRole('button', { name: 'Day', exact: true }).click();
  await page.waitForFunction((w) => Number(document.querySelector('.tl-chart').getAttribute('width')) > w, widthFit);
  const scroll = await page.locator('.tl-scroll').evaluate((e) => e.scrollWidth > e.clientWidth);
  assert.ok(scroll, 'day zoom scrolls sideways');
  await page.getByRole('button', { name: 'Show as table', exact: true }).click();
  const rows = page.locator('.timeline-table tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 6);
  const heads = await page.locator('.timeline-table thead th').allTextContents();
  assert.deepEqual(heads, ['Phase', 'Kind', 'Track', 'Dates', 'As written', 'Start', 'End', 'Progress', 'Depends on']);
  const second = await rows.nth(1).locator('th, td').allTextContents();
  assert.equal(second[0], 'Phase 2: Feature Completion & Polish');
  assert.equal(second[1], 'Phase · written range');
  assert.equal(second[2], '1');
  assert.equal(second[3], '—');
  assert.equal(second[4], 'Week 3-4');
  assert.equal(second[5], 'Day 11');
  assert.equal(second[6], 'Day 20');
  assert.match(second[7], /^\d+\/31 \(\d+%\)$/);
  assert.equal(second[8], 'Phase 1: Core Infrastructure');
  assert.equal((await rows.nth(5).locator('td').allTextContents())[5], 'open-ended');
  assertClean(assert, page);
  await page.close();
});

test('SVG export is a valid file that renders on its own; PNG export is an image', async () => {
  const page = await timeline(SEED3);
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  assert.match(svgDownload.suggestedFilename(), /^sacred-shifter.*-timeline\.svg$/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roadboard-export-'));
  const svgPath = path.join(dir, svgDownload.suggestedFilename());
  await svgDownload.saveAs(svgPath);
  const svg = fs.readFileSync(svgPath, 'utf8');
  assert.ok(svg.startsWith('<?xml'));
  assert.ok(!svg.includes('var(--'), 'no page CSS needed');
  // Open the file itself in Chromium: it parses as SVG and draws six bars.
  const viewer = await openPage(env.browser.context, `file://${svgPath}`);
  const shown = await viewer.evaluate(() => ({
    root: document.documentElement.localName,
    ns: document.documentElement.namespaceURI,
    errors: document.getElementsByTagName('parsererror').length,
    groups: document.querySelectorAll('g[data-phase-id]').length,
    width: document.documentElement.getBoundingClientRect().width,
    text: document.documentElement.textContent,
  }));
  assert.equal(shown.root, 'svg');
  assert.equal(shown.ns, 'http://www.w3.org/2000/svg');
  assert.equal(shown.errors, 0);
  assert.equal(shown.groups, 6);
  assert.ok(shown.width > 300);
  assert.match(shown.text, /Phase 6: Post-Launch Support/);
  const png = await viewer.screenshot();
  assert.ok(png.length > 5000, 'the SVG draws something');
  assertClean(assert, viewer);
  await viewer.close();

  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PNG' }).click(),
  ]);
  assert.match(pngDownload.suggestedFilename(), /-timeline\.png$/);
  const pngPath = path.join(dir, 'out.png');
  await pngDownload.saveAs(pngPath);
  const bytes = fs.readFileSync(pngPath);
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG signature');
  assert.ok(bytes.readUInt32BE(16) > 600, 'drawn at twice the size');
  assertClean(assert, page);
  await page.close();
});

test('a document without time explains what roadboard understands', async () => {
  const page = await timeline('roadmaps/production-roadmap-future-improvements.md');
  const text = await page.locator('.empty-state').textContent();
  assert.match(text, /No phases with time found/);
  assert.match(text, /Week 1-2/);
  assertClean(assert, page);
  await page.close();
});

test('no accessibility violations, light and dark; phone width scrolls sideways', async () => {
  // axe is injected inline, which the site's CSP forbids: bypass the CSP for the audit only.
  const audit = await launch(undefined, { bypassCSP: true });
  for (const colorScheme of ['light', 'dark']) {
    const page = await openPage(audit.context, 'about:blank');
    await page.emulateMedia({ colorScheme });
    await page.goto(`${env.site.url}?src=${SEED3}&view=timeline`);
    await page.locator('.tl-chart').waitFor();
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    });
    assert.deepEqual(violations, [], colorScheme);
    await page.close();
  }
  await audit.context.close();
  const phone = await timeline(SEED3, { width: 390 });
  const fits = await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  assert.ok(fits, 'the page itself does not scroll sideways');
  await phone.getByRole('button', { name: 'Week', exact: true }).click();
  const scrolls = await phone.locator('.tl-scroll').evaluate((e) => e.scrollWidth > e.clientWidth);
  assert.ok(scrolls, 'the chart scrolls inside its box');
  assertClean(assert, phone);
  await phone.close();
});

test('estimated items expand as sub-bars from the keyboard, and focus stays on the toggle', async () => {
  // A document written for this test, served beside the site while it runs.
  const file = path.join(DIST, 'e2e-timeline-items.md');
  fs.writeFileSync(file, '# Sprint\n\n## Phase 1: Build (Week 1)\n- [x] Schema ~2 hours\n- [ ] API Time: 1-2 days\n\n'
    + '## Phase 2: Ship (Week 2)\n**Depends on:** Phase 1\n- [ ] Release\n');
  try {
    const page = await timeline('e2e-timeline-items.md');
    assert.equal(await page.locator('.tl-toggle').count(), 1);
    await page.locator('.tl-toggle').focus();
    await page.keyboard.press('Enter');
    await page.locator('.tl-chart [data-item-id]').first().waitFor();
    assert.equal(await page.locator('.tl-chart [data-item-id]').count(), 2);
    assert.equal(await page.locator('.tl-band').count(), 1, 'a 1-2 day range band');
    await page.waitForFunction(() => document.activeElement?.classList.contains('tl-toggle'));
    assert.equal(await page.locator('.tl-toggle').getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator('.tl-arrow.explicit').count(), 1, 'the written dependency');
    await page.keyboard.press(' ');
    await page.waitForFunction(() => document.querySelectorAll('.tl-chart [data-item-id]').length === 0);
    assertClean(assert, page);
    await page.close();
  } finally {
    fs.rmSync(file, { force: true });
  }
});

// Issue 15: the timeline tells what is written. tests/fixtures/dated_phases.md (linked into
// the e2e fixtures): a phase table with Start/End dates, a phase placed by its dependency,
// one "in parallel" with no time, a criteria section, a table of releases.
test('a dated phase table: bars at their dates, nominal bars say so, releases are diamonds', async () => {
  const page = await timeline('__fixtures__/dated_phases.md');
  const groups = await page.$$eval('.tl-chart [data-phase-id]', (gs) => gs.map((g) => {
    const bar = g.querySelector('.tl-bar');
    return {
      id: g.dataset.phaseId,
      cls: g.getAttribute('class'),
      label: g.getAttribute('aria-label'),
      x: bar ? Number(bar.getAttribute('x')) : null,
      w: bar ? Number(bar.getAttribute('width')) : null,
      diamond: !!g.querySelector('.tl-diamond'),
    };
  }));
  const by = (p) => groups.find((g) => g.label.includes(p));
  // no criteria section among the rows
  assert.ok(!groups.some((g) => /Complete When/.test(g.label)));
  // the axis has the document's dates; Phase 1 spans Jan 5–16 (10 working days = two weeks)
  const ticks = await page.$$eval('.tl-tick', (ts) => ts.map((t) => ({
    x: Number(t.querySelector('line').getAttribute('x1')), text: t.querySelector('text').textContent,
  })));
  const jan5 = ticks.find((t) => t.text === 'Jan 5');
  const jan12 = ticks.find((t) => t.text === 'Jan 12');
  assert.ok(jan5 && jan12, JSON.stringify(ticks.map((t) => t.text)));
  const week = jan12.x - jan5.x;
  const p1 = by('Phase Phase 1: Foundation');
  assert.ok(Math.abs(p1.x - jan5.x) < 1, `Phase 1 starts on Jan 5: ${p1.x} vs ${jan5.x}`);
  assert.ok(p1.w <= 2 * week + 1, `span within the written span: ${p1.w} <= ${2 * week}`);
  assert.match(p1.label, /from Mon 5 Jan 2026 to Fri 16 Jan 2026/);
  // "Depends on: Phase 2" starts when Phase 2 ends, and has no time written
  const p2 = by('Phase Phase 2: Build');
  const p4 = by('Phase Phase 4: Hardening');
  assert.ok(Math.abs(p4.x - (p2.x + p2.w)) < 1, 'Phase 4 starts at the end of Phase 2');
  assert.match(p4.cls, /\bnominal\b/);
  assert.match(p4.label, /no time written/);
  assert.doesNotMatch(p2.cls, /\bnominal\b/);
  // releases: diamonds
  const ms = groups.filter((g) => /\bmilestone\b/.test(g.cls));
  assert.equal(ms.length, 2);
  assert.ok(ms.every((g) => g.diamond && g.label.startsWith('Milestone v1.')), JSON.stringify(ms));
  assert.equal(await page.locator('.tl-legend').getByText('no time written (nominal length)').count(), 1);
  // the table says the same: kind, track, dates
  await page.getByRole('button', { name: 'Show as table' }).click();
  const table = page.locator('.timeline-table table');
  await table.waitFor();
  const text = await table.textContent();
  for (const s of ['Kind', 'Track', 'Dates', 'Phase · dated', 'Phase · no time written', 'Milestone · dated', 'Mon 5 Jan 2026 – Fri 16 Jan 2026']) {
    assert.ok(text.includes(s), `table has ${s}`);
  }
  assertClean(assert, page);
  await page.close();
});
