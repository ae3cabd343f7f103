// What changed (issue 17): a reader opens a version, the document changes at the same address,
// the reload says what changed (summary region, `data-change` on cards, bars and document
// items); "Mark as seen" clears it; a corrupt stored snapshot does not stop the document
// opening; "Compare with…" an older version draws its plan as ghost bars on the timeline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, assertClean, DIST } from './harness.mjs';

let site;
before(async () => { site = await serve(DIST); });
after(async () => { await site.close(); });

const V1 = `# Changing plan

## Phase 1: Setup (Week 1-2)

- [ ] Set up CI
- [ ] Write the documentaiton
- [ ] Drop this one

## Phase 2: Build (Week 3-4)

- [ ] Build the parser
`;

const V2 = `# Changing plan

## Phase 1: Setup (Week 1-3)

- [x] Set up CI
- [ ] Write the documentation

## Phase 2: Build (Week 4-5)

- [ ] Build the parser
- [ ] Add a brand new exporter
`;

const PATH = '/__fixtures__/changing-plan.md';
const KEY = `roadboard:seen:${PATH}`;

/** A browser whose requests for the document get `doc.text` (the service worker is off, so
 *  every load asks the network). */
async function withDocument(doc) {
  const { context } = await launch(undefined, { serviceWorkers: 'block' });
  await context.route((u) => u.pathname === PATH, (route) => route.fulfill({ status: 200, contentType: 'text/markdown; charset=utf-8', body: doc.text }));
  return context;
}

const url = () => `${site.url}?src=${PATH}`;
const card = (page, text) => page.locator('.board .card').filter({ has: page.locator('.card-text', { hasText: text }) });

test('a changed version at the same address: summary, marks; Mark as seen clears them', async () => {
  const doc = { text: V1 };
  const context = await withDocument(doc);
  try {
    const page = await openPage(context, url());
    await card(page, 'Build the parser').waitFor();
    // First visit: nothing to compare with.
    assert.equal(await page.locator('.changes').count(), 0);
    // The reader's own tick is not a change of the document.
    await card(page, 'Build the parser').locator('.card-check').check();
    await page.waitForTimeout(300);
    await page.reload();
    await card(page, 'Build the parser').waitFor();
    assert.equal(await page.locator('.changes').count(), 0, 'own ticks are not changes');

    doc.text = V2;
    await page.reload();
    const region = page.getByRole('region', { name: /^Changes since your last visit \(\d+ \w+ \d{4}\)$/ });
    await region.waitFor();
    assert.equal(await region.locator('.changes-summary').textContent(), '1 done, 1 new, 1 removed, 2 re-dated, 1 edited');
    assert.equal(await card(page, 'Set up CI').getAttribute('data-change'), 'status');
    assert.equal(await card(page, 'Add a brand new exporter').getAttribute('data-change'), 'added');
    assert.equal(await card(page, 'Write the documentation').getAttribute('data-change'), 'edited');
    assert.equal(await card(page, 'Build the parser').getAttribute('data-change'), null);
    assert.equal(await card(page, 'Add a brand new exporter').locator('.badge.change').textContent(), 'new');
    // Removed items are listed with their old text.
    assert.match(await region.textContent(), /Drop this one/);

    // Show only changes hides the unchanged card.
    await region.getByRole('button', { name: 'Show only changes' }).click();
    assert.equal(await card(page, 'Build the parser').isVisible(), false);
    assert.equal(await card(page, 'Set up CI').isVisible(), true);
    await region.getByRole('button', { name: 'Show only changes' }).click();

    // Timeline bars and document items carry the marks too.
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.locator('.tl-scroll g[data-phase-id][data-change="redated"]').first().waitFor();
    assert.equal(await page.locator('.tl-scroll g[data-phase-id][data-change="redated"]').count(), 2);
    await page.getByRole('tab', { name: 'Document' }).click();
    await page.locator('.document input[data-change="added"]').waitFor();
    assert.equal(await page.locator('.document input[data-change]').count(), 3);

    // Mark as seen: the region and every mark go, and stay gone after a reload.
    await region.getByRole('button', { name: 'Mark as seen' }).click();
    assert.equal(await page.locator('.changes').count(), 0);
    assert.equal(await page.locator('[data-change]').count(), 0);
    // the address follows the view a moment later: reload once it names the Document tab
    await page.waitForURL(/view=document/);
    await page.reload();
    await page.locator('.document input[data-item-id]').first().waitFor();
    assert.equal(await page.locator('.changes').count(), 0);
    assert.equal(await page.locator('[data-change]').count(), 0);
    assertClean(assert, page);
  } finally { await context.close(); }
});

test('a corrupt stored snapshot does not stop the document opening', async () => {
  const doc = { text: V2 };
  const context = await withDocument(doc);
  try {
    const page = await openPage(context, url());
    await card(page, 'Set up CI').waitFor();
    await page.evaluate((key) => localStorage.setItem(key, '{"v":1,"h":"x","i":[[1,2'), KEY);
    await page.reload();
    await card(page, 'Set up CI').waitFor();
    await page.getByText(/could not be read and was dropped/).waitFor();
    assert.equal(await page.locator('.changes').count(), 0);
    // It was replaced by this version: the next visit compares with it.
    const stored = await page.evaluate((key) => localStorage.getItem(key), KEY);
    assert.ok(stored.startsWith('roadboard-seen 1\n'), stored);
    assertClean(assert, page);
  } finally { await context.close(); }
});

test('Compare with… a pasted older version: same summary, ghost bars with slips', async () => {
  const doc = { text: V2 };
  const context = await withDocument(doc);
  try {
    const page = await openPage(context, url());
    await card(page, 'Set up CI').waitFor();
    await page.getByText('Compare with…').click();
    await page.getByLabel('Or paste the older text').fill(V1);
    await page.getByRole('button', { name: 'Compare with pasted text' }).click();
    const region = page.getByRole('region', { name: 'Changes compared with “the pasted version”' });
    await region.waitFor();
    assert.equal(await region.locator('.changes-summary').textContent(), '1 done, 1 new, 1 removed, 2 re-dated, 1 edited');
    assert.equal(await card(page, 'Set up CI').getAttribute('data-change'), 'status');
    assert.match(await region.textContent(), /slips 5 working days/);

    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.locator('.tl-baseline').first().waitFor();
    assert.equal(await page.locator('.tl-baseline').count(), 2);
    const slips = await page.locator('.tl-slip').allTextContents();
    assert.deepEqual(slips, ['+5 wd', '+5 wd']);

    // Stop comparing: back to nothing (this is the first visit).
    await region.getByRole('button', { name: 'Stop comparing' }).click();
    // the timeline redraws after the click: wait for the ghost bars to go, then count
    await page.waitForFunction(() => document.querySelectorAll('.tl-baseline').length === 0, null, { timeout: 10000 });
    assert.equal(await page.locator('.tl-baseline').count(), 0);
    assert.equal(await page.locator('[data-change]').count(), 0);
    assertClean(assert, page);
  } finally { await context.close(); }
});
