// What if it slips? (issue 19): select a phase, delay it a week — it and what follows move,
// ghosts show where they were, the summary states the new end, the address carries the
// what-if, a reload keeps it, +/- keys add up, "Reset what-if" clears it; ticks never change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { servedSite, openPage, assertClean } from './harness.mjs';

const SEED1 = 'roadmaps/miro-clone-cycle-35.md';

const env = servedSite();

/** Each bar: id, x, its what-if mark, its note. */
async function bars(page) {
  return page.$$eval('.tl-chart [data-phase-id]', (gs) => gs.map((g) => ({
    id: g.dataset.phaseId,
    x: Number(g.querySelector('.tl-bar').getAttribute('x')),
    whatif: g.getAttribute('data-whatif'),
    note: g.querySelector('.tl-note')?.textContent ?? '',
  })));
}

test('delay a phase a week: it and its dependents move, the summary says the new end, the link keeps it', async () => {
  const page = await openPage(env.browser.context, `${env.site.url}?src=${SEED1}&view=timeline`);
  await page.locator('.tl-chart').waitFor();
  const before = await bars(page);
  assert.equal(before.length, 5);
  assert.ok(before.every((b) => b.whatif === null));
  const delay = page.getByRole('button', { name: 'Delay…' });
  assert.ok(await delay.isDisabled(), 'nothing selected yet');

  // Select Phase 2 and delay it by one week.
  await page.locator(`[data-phase-id="${before[1].id}"] .tl-bar`).click();
  await delay.click();
  const form = page.getByRole('form', { name: 'Delay the selected phase or item' });
  await form.getByLabel('Delay by').fill('1');
  await form.getByLabel('Unit').selectOption('weeks');
  await form.getByRole('button', { name: 'Delay', exact: true }).click();

  const summary = page.locator('.whatif-summary');
  await page.waitForFunction(() => document.querySelector('.whatif-summary')?.textContent.includes('+5 working days'));
  assert.equal(await summary.textContent(), 'Phase 5: Optimization moves from day 7 to day 12: +5 working days.');
  const after = await bars(page);
  assert.equal(after[0].whatif, null, 'Phase 1 does not move');
  assert.equal(after[1].whatif, 'delayed');
  for (const k of [2, 3, 4]) {
    assert.equal(after[k].whatif, 'moved', `Phase ${k + 1} moves`);
    assert.match(after[k].note, /\+5 d/);
  }
  assert.equal(await page.locator('.tl-chart .tl-ghost').count(), 4, 'a ghost for each moved bar');
  await page.waitForFunction(() => /whatif=p-[^&]+:5/.test(location.search));

  // A reload keeps it (it is in the address).
  await page.reload();
  await page.locator('.tl-chart').waitFor();
  await page.waitForFunction(() => document.querySelector('.whatif-summary')?.textContent.includes('+5 working days'));
  assert.equal((await bars(page))[4].whatif, 'moved');

  // + on the focused bar adds a day; - takes it back.
  await page.locator(`[data-phase-id="${before[1].id}"]`).focus();
  await page.keyboard.press('+');
  await page.waitForFunction(() => document.querySelector('.whatif-summary')?.textContent.includes('+6 working days'));
  await page.waitForFunction(() => /whatif=p-[^&]+:6/.test(location.search));
  await page.keyboard.press('-');
  await page.waitForFunction(() => document.querySelector('.whatif-summary')?.textContent.includes('+5 working days'));

  // A second delay adds up.
  // (each press redraws the chart and focus returns to the bar after it: wait for it, as a
  // reader sees the first day move before pressing again)
  await page.locator(`[data-phase-id="${before[3].id}"]`).focus();
  await page.keyboard.press('+');
  await page.waitForFunction(() => document.querySelector('.whatif-summary')?.textContent.includes('+6 working days'));
  await page.locator(`[data-phase-id="${before[3].id}"]`).focus();
  await page.keyboard.press('+');
  await page.waitForFunction(() => document.querySelector('.whatif-summary')?.textContent.includes('+7 working days'));
  assert.equal(await page.locator('.whatif-delays li').count(), 2);

  // Reset clears it all, and the address no longer carries it.
  await page.getByRole('button', { name: 'Reset what-if' }).click();
  await page.waitForFunction(() => !document.querySelector('.tl-chart [data-whatif]'));
  assert.equal(await page.locator('.tl-chart .tl-ghost').count(), 0);
  assert.ok(await page.locator('section.whatif').isHidden());
  await page.waitForFunction(() => !location.search.includes('whatif='));
  // Nothing was ticked or stored by any of it.
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('roadboard:progress')).map((k) => localStorage.getItem(k)));
  assert.ok(stored.every((v) => !v || !v.includes('true')), 'no ticks written');
  assertClean(assert, page);
  await page.close();
});

test('slack: a delay off the critical path says it has no effect on the end', async () => {
  const doc = '# Diamond\n\n## Phase 1: Design (2 days)\n- [ ] a\n\n## Phase 2: Backend (5 days)\nDepends on: Phase 1\n- [ ] b\n\n## Phase 3: Frontend (2 days)\nDepends on: Phase 1\n- [ ] c\n\n## Phase 4: Launch (1 day)\nDepends on: Phase 2, Phase 3\n- [ ] d\n';
  const page = await openPage(env.browser.context, env.site.url);
  await page.getByLabel('Paste Markdown').fill(doc);
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.locator('.tl-chart').waitFor();
  const b = await bars(page);
  await page.locator(`[data-phase-id="${b[2].id}"]`).focus();
  await page.keyboard.press('+');
  await page.waitForFunction(() => document.querySelector('.whatif-summary')?.textContent.includes('slack'));
  assert.equal(await page.locator('.whatif-summary').textContent(), 'No effect on the end (day 8): 2 working days of slack.');
  assert.equal((await bars(page))[3].whatif, null, 'Launch does not move');
  assertClean(assert, page);
  await page.close();
});

test('dragging the end of a bar delays it by the working days dragged', async () => {
  const page = await openPage(env.browser.context, `${env.site.url}?src=${SEED1}&view=timeline`);
  await page.locator('.tl-chart').waitFor();
  const first = (await bars(page))[0];
  const bar = await page.locator(`[data-phase-id="${first.id}"] .tl-bar`).boundingBox();
  const grip = await page.locator(`[data-phase-id="${first.id}"] .tl-grip`).boundingBox();
  assert.ok(bar && grip, 'a bar has a grip at its end');
  const day = bar.width; // Phase 1 lasts one working day
  const y = grip.y + grip.height / 2;
  await page.mouse.move(grip.x + grip.width / 2, y);
  await page.mouse.down();
  for (let k = 1; k <= 6; k++) await page.mouse.move(grip.x + grip.width / 2 + (k * 3 * day) / 6, y);
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector('.whatif-summary')?.textContent.includes('+3 working days'));
  assert.equal((await bars(page))[0].whatif, 'delayed');
  await page.waitForFunction(() => /whatif=p-[^&]+:3/.test(location.search));
  assertClean(assert, page);
  await page.close();
});
