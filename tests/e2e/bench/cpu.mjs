// Main-thread CPU of the 5,000-item board (the board benchmark of `bench.mjs`, measured from a
// Chrome trace instead of the wall clock, which a shared machine makes noisy): document loaded →
// board interactive, tick → next frame, select → next frame. The CPU of a window is the thread
// time (`tdur`) of the renderer main thread's top-level tasks inside it (a task that straddles an
// end counts in proportion to its wall time inside).
//
// An A/B interleaves the builds, one browser per build and round:
//   node bench/cpu.mjs [--rounds N] [--loads N] NAME=DIST_DIR NAME=DIST_DIR …
// and prints each build's medians over every load (CPU and wall, ms).
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch } from '../harness.mjs';
import { generated } from '../bench-data.mjs';

const args = process.argv.slice(2);
let rounds = 3, loads = 3;
const builds = [];
for (let k = 0; k < args.length; k++) {
  if (args[k] === '--rounds') rounds = Number(args[++k]);
  else if (args[k] === '--loads') loads = Number(args[++k]);
  else {
    const [name, dir] = args[k].split('=');
    builds.push({ name, dir: path.resolve(dir), parse: [], interactive: [], tick: [], select: [], wInteractive: [], wTick: [], wSelect: [] });
  }
}
if (builds.length === 0) throw new Error('usage: node bench/cpu.mjs NAME=DIST … (see the top of this file)');

const CATEGORIES = 'toplevel,devtools.timeline,blink.user_timing,disabled-by-default-devtools.timeline';
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };

/** Top-level tasks (start, end, cpu in µs) of the renderer main thread that recorded `mark`. */
function mainTasks(events, mark) {
  const m = events.find((e) => e.name === mark && e.cat.includes('user_timing'));
  if (!m) throw new Error(`no ${mark} in the trace`);
  const tasks = events
    .filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
    .sort((a, b) => a.ts - b.ts);
  const top = [];
  for (const t of tasks) {
    const last = top[top.length - 1];
    if (last && t.ts < last.end) continue; // nested in the previous one
    top.push({ start: t.ts, end: t.ts + (t.dur || 0), cpu: t.tdur ?? t.dur ?? 0 });
  }
  return { pid: m.pid, tid: m.tid, top };
}

/** CPU (ms) of the tasks inside [from, to] (µs). */
function cpuBetween(top, from, to) {
  let sum = 0;
  for (const t of top) {
    const a = Math.max(t.start, from), b = Math.min(t.end, to);
    if (b <= a) continue;
    const wall = t.end - t.start;
    sum += wall > 0 ? t.cpu * (b - a) / wall : 0;
  }
  return sum / 1000;
}

async function oneLoad(context, url, b) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('rb-board-ready').length > 0, null, { timeout: 60000 });
  const wall = await page.evaluate(() => {
    const t = (n) => performance.getEntriesByName(n)[0].startTime;
    return t('rb-board-ready') - t('rb-doc-loaded');
  });
  b.wInteractive.push(wall);
  await page.waitForTimeout(500); // the columns' first pages are filled in
  // One click (a tick's checkbox or a card's badges) → next frame, between performance marks
  // `cpu-KIND-k` and `cpu-KIND-end-k`; the page is checked for the click's effect afterwards.
  const timedClick = (kind, k) => page.evaluate(async ({ kind, k }) => {
    const cards = document.querySelectorAll('.board .card');
    const target = kind === 'tick'
      ? document.querySelectorAll('.card-check')[k * 7 + 1]
      : cards[cards.length - 1 - k * 3].querySelector('.badges') || cards[k];
    const before = document.querySelector('.overall-text').textContent;
    performance.mark(`cpu-${kind}-${k}`);
    const t0 = performance.now();
    target.click();
    await new Promise((r) => requestAnimationFrame(() => r()));
    const t1 = performance.now();
    performance.mark(`cpu-${kind}-end-${k}`);
    if (kind === 'tick' && document.querySelector('.overall-text').textContent === before) throw new Error('tick did not update progress');
    if (kind === 'select' && !document.querySelector('.card[data-highlight="selected"]')) throw new Error('no highlight');
    return t1 - t0;
  }, { kind, k });
  for (const [kind, into] of [['tick', b.wTick], ['select', b.wSelect]]) {
    for (let k = 0; k < 5; k++) {
      into.push(await timedClick(kind, k));
      await page.waitForTimeout(200);
    }
  }
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  await page.close();
  const { pid, tid, top } = mainTasks(events, 'rb-board-ready');
  const at = (name) => {
    const e = events.find((x) => x.name === name && x.pid === pid && x.cat.includes('user_timing'));
    if (!e) throw new Error(`no ${name} in the trace`);
    return e.ts;
  };
  void tid;
  b.interactive.push(cpuBetween(top, at('rb-doc-loaded'), at('rb-board-ready')));
  b.parse.push(cpuBetween(top, at('rb-doc-loaded'), at('rb-parsed')));
  for (let k = 0; k < 5; k++) {
    b.tick.push(cpuBetween(top, at(`cpu-tick-${k}`), at(`cpu-tick-end-${k}`)));
    b.select.push(cpuBetween(top, at(`cpu-select-${k}`), at(`cpu-select-end-${k}`)));
  }
}

for (let r = 0; r < rounds; r++) {
  for (const b of builds) {
    const fixture = path.join(b.dir, 'bench-5000.md');
    fs.writeFileSync(fixture, generated());
    const site = await serve(b.dir);
    const { context } = await launch();
    try {
      for (let l = 0; l < loads; l++) await oneLoad(context, `${site.url}?src=bench-5000.md`, b);
    } finally {
      await context.close();
      await site.close();
      fs.rmSync(fixture, { force: true });
    }
    process.stderr.write(`round ${r + 1}/${rounds} ${b.name}: interactive ${b.interactive.slice(-loads).map((x) => x.toFixed(0)).join(' ')} ms CPU\n`);
  }
}
const f = (x) => x.toFixed(1).padStart(8);
console.log(`5,000-item board, main-thread CPU and wall medians (ms); ${rounds} rounds × ${loads} loads, ticks and selects 5 per load`);
console.log(`${'build'.padEnd(14)} ${'parse'.padStart(8)} ${'interactive'.padStart(12)} ${'tick'.padStart(8)} ${'select'.padStart(8)} | wall: ${'interactive'.padStart(12)} ${'tick'.padStart(8)} ${'select'.padStart(8)}`);
for (const b of builds) {
  console.log(`${b.name.padEnd(14)} ${f(median(b.parse))} ${f(median(b.interactive)).padStart(12)} ${f(median(b.tick))} ${f(median(b.select))} |       ${f(median(b.wInteractive)).padStart(12)} ${f(median(b.wTick))} ${f(median(b.wSelect))}`);
}
