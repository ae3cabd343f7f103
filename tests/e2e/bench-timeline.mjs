// Timeline benchmark (run by `make bench`, never by `make test`): a generated roadmap of 500
// phases drawn by roadboard's Timeline tab, against Mermaid's gantt drawing the same 500 tasks in
// the same Chromium. Both are timed inside the page from the start of the work to the frame
// after the SVG is in the document. Mermaid comes from npm (tests/e2e/bench/, installed here on
// first use). Prints a table and writes bench-results/timeline.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve, launch, DIST, stats } from './harness.mjs';

const TASKS = 500;
const RUNS = 5;
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../bench-results');
const benchDir = path.join(here, 'bench');

// Mermaid, only for this benchmark.
const MERMAID = path.join(benchDir, 'node_modules/mermaid/dist/mermaid.min.js');
if (!fs.existsSync(MERMAID)) {
  console.log('[bench] npm install mermaid into tests/e2e/bench (benchmark only)');
  execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund'], { cwd: benchDir, stdio: 'inherit' });
}
const mermaidVersion = JSON.parse(fs.readFileSync(path.join(benchDir, 'node_modules/mermaid/package.json'), 'utf8')).version;

/** The roadmap: 500 phases, one working day each, one after another, one task each. */
export function roadmap(n = TASKS) {
  const lines = [`# Generated timeline (${n} phases)`, ''];
  for (let k = 1; k <= n; k++) {
    lines.push(`## Phase ${k}: Task ${k} (Day ${k})`, '', `- [${k % 3 === 0 ? 'x' : ' '}] step ${k}`, '');
  }
  return lines.join('\n');
}

/** The same 500 tasks in Mermaid's gantt syntax (working days, each after the previous). */
export function gantt(n = TASKS) {
  const lines = ['gantt', `  title Generated timeline (${n} tasks)`, '  dateFormat YYYY-MM-DD', '  excludes weekends'];
  for (let k = 1; k <= n; k++) {
    if ((k - 1) % 50 === 0) lines.push(`  section Block ${(k - 1) / 50 + 1}`);
    const done = k % 3 === 0 ? 'done, ' : '';
    lines.push(k === 1 ? `  Phase 1 Task 1 :${done}t1, 2026-01-05, 1d` : `  Phase ${k} Task ${k} :${done}t${k}, after t${k - 1}, 1d`);
  }
  return lines.join('\n');
}

const fixture = path.join(DIST, 'bench-timeline-500.md');
fs.writeFileSync(fixture, roadmap());
const blank = fs.mkdtempSync(path.join(os.tmpdir(), 'roadboard-mermaid-'));
fs.copyFileSync(MERMAID, path.join(blank, 'mermaid.min.js'));
fs.writeFileSync(path.join(blank, 'index.html'),
  '<!doctype html><html><head><meta charset="utf-8"><script src="mermaid.min.js"></script></head><body><div id="out"></div></body></html>');

const site = await serve(DIST);
const mer = await serve(blank);
const { context } = await launch();
const rb = { view: [], fromLoad: [], tab: [], redrawLayout: [], redrawFrame: [] };
const full = { view: [], fromLoad: [], tab: [], redrawLayout: [], redrawFrame: [] };
const mm = { cold: [], warm: [], layout: [] };

async function roadboard(height) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height });
  // Opened straight on the Timeline tab: the view's own work, from the component's start to
  // the frame that shows it (performance marks set by the app).
  await page.goto(`${site.url}?src=bench-timeline-500.md&view=timeline`);
  await page.waitForFunction(() => performance.getEntriesByName('rb-timeline-ready').length > 0, null, { timeout: 60000 });
  const direct = await page.evaluate(({ n, all }) => {
    const t = (name) => performance.getEntriesByName(name)[0].startTime;
    const bars = document.querySelectorAll('.tl-chart [data-phase-id]').length;
    if (all ? bars !== n : bars < 10) throw new Error(`saw ${bars} bars`);
    return { view: t('rb-timeline-ready') - t('rb-timeline-start'), fromLoad: t('rb-timeline-ready') - t('rb-doc-loaded') };
  }, { n: TASKS, all: height > 19000 });
  // Redrawing in place: zoom Fit → Week → Fit, each to layout and to the frame that shows it.
  const redraw = await page.evaluate(async () => {
    const frame = () => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
    const button = (name) => [...document.querySelectorAll('.seg')].find((b) => b.textContent === name);
    const out = { layout: [], frame: [] };
    for (const z of ['Week', 'Fit', 'Week', 'Fit']) {
      const t0 = performance.now();
      button(z).click();
      await new Promise((res) => setTimeout(res, 0));
      document.body.getBoundingClientRect();
      out.layout.push(performance.now() - t0);
      await frame();
      out.frame.push(performance.now() - t0);
    }
    const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return { layout: med(out.layout), frame: med(out.frame) };
  });
  // Switching tabs: Document → Timeline, including taking the 500-heading Document view down.
  await page.getByRole('tab', { name: 'Document' }).click();
  await page.locator('article.document').waitFor();
  const ms = await page.evaluate(async ({ n, all }) => {
    const frame = () => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
    const tab = (name) => [...document.querySelectorAll('[role=tab]')].find((t) => t.textContent === name);
    const t0 = performance.now();
    tab('Timeline').click();
    await frame();
    const t1 = performance.now();
    const bars = document.querySelectorAll('.tl-chart [data-phase-id]').length;
    if (all ? bars !== n : bars < 10) throw new Error(`saw ${bars} bars`);
    return t1 - t0;
  }, { n: TASKS, all: height > 19000 });
  await page.close();
  return { view: direct.view, fromLoad: direct.fromLoad, tab: ms, redrawLayout: redraw.layout, redrawFrame: redraw.frame };
}

try {
  for (let r = 0; r < RUNS; r++) {
    // roadboard: the document is open (Document tab); time a click on the Timeline tab. In a
    // normal window roadboard draws the rows near the screen; a window taller than the whole
    // chart makes it draw all 500 rows, as Mermaid does.
    for (const [height, into] of [[860, rb], [20000, full]]) {
      const ms = await roadboard(height);
      into.view.push(ms.view);
      into.fromLoad.push(ms.fromLoad);
      into.tab.push(ms.tab);
      into.redrawLayout.push(ms.redrawLayout);
      into.redrawFrame.push(ms.redrawFrame);
    }

    // Mermaid: a blank page with mermaid.min.js; time render() + insertion to the next frame.
    const mpage = await context.newPage();
    await mpage.setViewportSize({ width: 1280, height: 860 });
    await mpage.goto(mer.url);
    await mpage.waitForFunction(() => !!window.mermaid);
    const mms = await mpage.evaluate(async ({ text, n }) => {
      const frame = () => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
      window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
      const layouts = [];
      const once = async (id) => {
        const t0 = performance.now();
        const { svg } = await window.mermaid.render(id, text);
        document.getElementById('out').innerHTML = svg;
        await new Promise((res) => setTimeout(res, 0));
        document.body.getBoundingClientRect();
        layouts.push(performance.now() - t0);
        await frame();
        const t1 = performance.now();
        const bars = document.querySelectorAll('#out rect.task').length;
        if (bars !== n) throw new Error(`mermaid drew ${bars} tasks, expected ${n}`);
        return t1 - t0;
      };
      const cold = await once('g1');
      const warm = await once('g2');
      return { cold, warm, layout: layouts[0] };
    }, { text: gantt(), n: TASKS });
    mm.cold.push(mms.cold);
    mm.warm.push(mms.warm);
    mm.layout.push(mms.layout);
    await mpage.close();
  }
} finally {
  await context.close();
  await site.close();
  await mer.close();
  fs.rmSync(fixture, { force: true });
  fs.rmSync(blank, { recursive: true, force: true });
}

const res = {
  tasks: TASKS,
  runs: RUNS,
  mermaid_version: mermaidVersion,
  roadboard_view_to_frame_ms: stats(rb.view),
  roadboard_document_loaded_to_frame_ms: stats(rb.fromLoad),
  roadboard_tab_switch_to_frame_ms: stats(rb.tab),
  roadboard_redraw_to_layout_ms: stats(rb.redrawLayout),
  roadboard_redraw_to_frame_ms: stats(rb.redrawFrame),
  roadboard_all_rows_view_to_frame_ms: stats(full.view),
  roadboard_all_rows_redraw_to_layout_ms: stats(full.redrawLayout),
  roadboard_all_rows_tab_switch_to_frame_ms: stats(full.tab),
  mermaid_render_to_frame_ms: stats(mm.cold),
  mermaid_again_to_frame_ms: stats(mm.warm),
  mermaid_render_to_layout_ms: stats(mm.layout),
};
res.ratio = res.mermaid_render_to_frame_ms.median / res.roadboard_view_to_frame_ms.median;
res.ratio_tab_switch = res.mermaid_render_to_frame_ms.median / res.roadboard_tab_switch_to_frame_ms.median;
res.ratio_all_rows = res.mermaid_render_to_frame_ms.median / res.roadboard_all_rows_view_to_frame_ms.median;
res.ratio_redraw_to_layout = res.mermaid_render_to_layout_ms.median / res.roadboard_redraw_to_layout_ms.median;
res.ratio_redraw_to_frame = res.mermaid_render_to_frame_ms.median / res.roadboard_redraw_to_frame_ms.median;
res.ratio_all_rows_redraw_to_layout = res.mermaid_render_to_layout_ms.median / res.roadboard_all_rows_redraw_to_layout_ms.median;
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'timeline.json'), JSON.stringify(res, null, 2));
const f = (x) => x.toFixed(1).padStart(8);
const row = (name, s) => console.log(`  ${name.padEnd(52)}${f(s.median)} ${f(s.min)} ${f(s.max)}`);
console.log(`timeline, ${TASKS} tasks, ${RUNS} runs (median / min / max, ms), Chromium, mermaid ${mermaidVersion}`);
console.log('  each figure runs to the animation frame that shows the drawing');
row('roadboard: Timeline view start → on screen', res.roadboard_view_to_frame_ms);
row('  document loaded (incl. parsing) → on screen', res.roadboard_document_loaded_to_frame_ms);
row('  Document tab → Timeline tab click → on screen', res.roadboard_tab_switch_to_frame_ms);
row('  redraw (zoom change) → laid out', res.roadboard_redraw_to_layout_ms);
row('  redraw (zoom change) → on screen', res.roadboard_redraw_to_frame_ms);
row('  all 500 rows drawn (20,000 px window): view', res.roadboard_all_rows_view_to_frame_ms);
row('  all 500 rows drawn: redraw → laid out', res.roadboard_all_rows_redraw_to_layout_ms);
row('  all 500 rows drawn: tab click', res.roadboard_all_rows_tab_switch_to_frame_ms);
row('mermaid: render() start → inserted → on screen', res.mermaid_render_to_frame_ms);
row('  again, same page', res.mermaid_again_to_frame_ms);
row('  render() start → inserted → laid out', res.mermaid_render_to_layout_ms);
console.log(`  mermaid / roadboard (goal ≥ 10×): view on screen ${res.ratio.toFixed(1)}×; tab switch ${res.ratio_tab_switch.toFixed(1)}×; redraw to layout ${res.ratio_redraw_to_layout.toFixed(1)}×, on screen ${res.ratio_redraw_to_frame.toFixed(1)}×`);
console.log(`  with all 500 rows drawn: view on screen ${res.ratio_all_rows.toFixed(1)}×, redraw to layout ${res.ratio_all_rows_redraw_to_layout.toFixed(1)}×`);
