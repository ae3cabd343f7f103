// Progress as a link (issue 19): a link made in one browser profile is adopted in a fresh one
// and the same items are ticked (saved, undoable); Merge keeps the union; Just look shows
// without saving; a tampered fragment is refused with a message and changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { servedSite, launch, openPage, assertClean } from './harness.mjs';

const SEED1 = 'roadmaps/miro-clone-cycle-35.md';

const env = servedSite();

/** The ids of the ticked cards, sorted. */
async function ticked(page) {
  await page.locator('.card').first().waitFor();
  return (await page.$$eval('.card[data-item-id]', (cs) => cs
    .filter((c) => c.querySelector('.card-check')?.checked)
    .map((c) => c.dataset.itemId))).sort();
}

/** Make a link in the maker's profile with the first three cards of Phase 1 ticked. */
async function makeLink() {
  const page = await openPage(env.browser.context, `${env.site.url}?src=${SEED1}`);
  const open = page.locator('.card[data-item-id] .card-check:not(:checked)');
  await open.first().waitFor();
  for (let k = 0; k < 3; k++) await open.first().check();
  const want = await ticked(page);
  await page.getByRole('button', { name: 'Progress ▾' }).click();
  await page.getByRole('button', { name: 'Share progress' }).click();
  const field = page.getByLabel('Progress link');
  await field.waitFor();
  const link = await field.inputValue();
  assert.ok(await page.getByRole('button', { name: 'Copy', exact: true }).isVisible());
  assert.match(link, /#progress=[A-Za-z0-9_-]+$/);
  assertClean(assert, page);
  await page.close();
  return { link, want };
}

test('a link made in one profile is adopted in a fresh one: the same items are ticked', async () => {
  const { link, want } = await makeLink();
  assert.equal(want.length >= 3, true);
  const fresh = await launch();
  try {
    const page = await openPage(fresh.context, link);
    const prompt = page.getByRole('alertdialog', { name: 'Progress from a link' });
    await prompt.waitFor();
    assert.match(await prompt.textContent(), /Progress from a link: 3 ticks/);
    const own = await ticked(page);
    assert.equal(own.length, want.length - 3, 'nothing changes before an answer');
    await prompt.getByRole('button', { name: 'Adopt' }).click();
    assert.deepEqual(await ticked(page), want);
    assert.ok(!page.url().includes('#progress='), 'the answered link leaves the address');
    // Saved: a reload shows them, with no prompt.
    await page.reload();
    assert.deepEqual(await ticked(page), want);
    assert.equal(await page.getByRole('alertdialog', { name: 'Progress from a link' }).count(), 0);
    // Adopt is undoable: untick one, adopt again, undo: it is unticked again.
    await page.locator(`.card[data-item-id="${want[0]}"] .card-check`).uncheck();
    await page.waitForTimeout(400);
    await page.goto(link);
    await page.getByRole('alertdialog', { name: 'Progress from a link' }).getByRole('button', { name: 'Adopt' }).click();
    assert.deepEqual(await ticked(page), want);
    // The adopt message's own Undo (the untick above may still show its toast with another).
    await page.getByRole('status').filter({ hasText: 'Adopted' }).getByRole('button', { name: 'Undo' }).click();
    assert.deepEqual(await ticked(page), want.filter((id) => id !== want[0]), 'undo brings back the ticks before');
    assertClean(assert, page);
  } finally { await fresh.context.close(); }
});

test('Merge keeps the union; Just look shows without saving', async () => {
  const { link, want } = await makeLink();
  const fresh = await launch();
  try {
    const page = await openPage(fresh.context, `${env.site.url}?src=${SEED1}`);
    const open = page.locator('.card[data-item-id] .card-check:not(:checked)');
    await open.first().waitFor();
    await open.last().check();
    const mine = await ticked(page);
    await page.goto(link);
    await page.getByRole('alertdialog', { name: 'Progress from a link' }).getByRole('button', { name: 'Merge' }).click();
    assert.deepEqual(await ticked(page), [...new Set([...mine, ...want])].sort());

    const other = await launch();
    try {
      const look = await openPage(other.context, link);
      await look.getByRole('alertdialog', { name: 'Progress from a link' }).waitFor();
      const own = await ticked(look);
      await look.getByRole('alertdialog', { name: 'Progress from a link' }).getByRole('button', { name: 'Just look' }).click();
      assert.deepEqual(await ticked(look), want);
      await look.waitForTimeout(400);
      await look.reload();
      assert.deepEqual(await ticked(look), own, 'just looking saved nothing');
      assertClean(assert, look);
    } finally { await other.context.close(); }
    assertClean(assert, page);
  } finally { await fresh.context.close(); }
});

test('a tampered fragment is refused with a message and changes nothing', async () => {
  const { link } = await makeLink();
  const [base, frag] = link.split('#progress=');
  const flip = (c) => (c === 'A' ? 'B' : 'A');
  const k = Math.floor(frag.length / 2);
  const tampered = `${base}#progress=${frag.slice(0, k)}${flip(frag[k])}${frag.slice(k + 1)}`;
  const page = await openPage(env.browser.context, `${env.site.url}?src=${SEED1}`);
  const mine = await ticked(page);
  await page.goto(tampered);
  const alert = page.getByRole('alert').filter({ hasText: 'progress link' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /cannot be read .*nothing was changed/);
  assert.equal(await page.getByRole('alertdialog', { name: 'Progress from a link' }).count(), 0);
  assert.deepEqual(await ticked(page), mine);
  await page.goto(`${base}#progress=%3Cscript%3E`);
  await page.getByRole('alert').filter({ hasText: 'progress link' }).waitFor();
  assert.deepEqual(await ticked(page), mine);
  assertClean(assert, page);
  await page.close();
});
