// Dependency highlighting (issue 6): select B in A→B→C→D, see A upstream and C, D downstream;
// ticking A turns B from blocked to ready; the URL round-trips the selection.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, assertClean, DIST } from './harness.mjs';

let site, browser;
before(async () => { site = await serve(DIST); browser = await launch(); });
after(async () => { await browser.context.close(); await site.close(); });

const card = (page, text) => page.locator('.board .card').filter({ has: page.locator('.card-text', { hasText: new RegExp('^' + text) }) });

test('selecting B highlights its chain; ticking A readies B; Escape clears; URL round-trips', async () => {
  const page = await openPage(browser.context, `${site.url}?src=/__fixtures__/deps-chain.md`);
  await card(page, 'Bravo').waitFor();
  assert.match(await card(page, 'Bravo').locator('.badge.waiting').textContent(), /Blocked by 1/);
  assert.match(await card(page, 'Bravo').locator('.waits-on').textContent(), /Alpha/);

  await card(page, 'Bravo').locator('.badges').click();
  const hl = async (t) => card(page, t).getAttribute('data-highlight');
  assert.equal(await hl('Bravo'), 'selected');
  assert.equal(await hl('Alpha'), 'upstream');
  assert.equal(await hl('Charlie'), 'downstream');
  assert.equal(await hl('Delta'), 'downstream');
  assert.equal(await hl('Echo'), null);
  const bravoId = await card(page, 'Bravo').getAttribute('data-item-id');
  await page.waitForURL(new RegExp(`item=${bravoId}`)); // the address follows the view

  await card(page, 'Alpha').locator('.card-check').check();
  assert.equal(await card(page, 'Bravo').locator('.badge.ready').textContent(), 'Ready');
  assert.equal(await card(page, 'Bravo').locator('.waits-on').count(), 0);

  // The selection is in the URL: a reload (or a shared link) shows the same highlight.
  await page.reload();
  await card(page, 'Bravo').waitFor();
  assert.equal(await hl('Bravo'), 'selected');
  assert.equal(await hl('Delta'), 'downstream');
  // The Document view highlights the same items.
  await page.getByRole('tab', { name: 'Document' }).click();
  assert.equal(await page.locator(`.doc-check[data-item-id="${bravoId}"]`).getAttribute('data-highlight'), 'selected');
  await page.getByRole('tab', { name: 'Board' }).click();

  await page.keyboard.press('Escape');
  assert.equal(await hl('Bravo'), null);
  await page.waitForURL((u) => !/item=/.test(u.href)); // the address follows the view
  assertClean(assert, page);
  await page.close();
});

test('Enter on a focused card selects it; "Ready now" filters; the panel lists what was understood', async () => {
  const fresh = await launch(); // nothing ticked yet
  const page = await openPage(fresh.context, `${site.url}?src=/__fixtures__/deps-chain.md`);
  await card(page, 'Charlie').locator('.card-check').focus();
  await page.keyboard.press('Enter');
  assert.equal(await card(page, 'Charlie').getAttribute('data-highlight'), 'selected');
  await page.keyboard.press('Escape');

  await page.getByText('Ready now').click();
  const ready = await page.locator('.board .card .card-text').allTextContents();
  assert.ok(ready.some((t) => t.startsWith('Alpha')) && ready.some((t) => t.startsWith('Echo')), ready.join('|'));
  assert.ok(!ready.some((t) => t.startsWith('Bravo')), 'Bravo waits on Alpha');
  await page.waitForURL(/ready=1/); // the address follows the view

  // "needs: Design review" names nothing in the document: an external prerequisite,
  // counted and listed neutrally (issue 14), not an error
  const summary = page.locator('.deps-panel .deps-summary');
  assert.match(await summary.textContent(), /1 external prerequisite\b/);
  assert.equal(await summary.evaluate((el) => el.classList.contains('warn')), false);
  assert.equal(await page.locator('.deps-panel .deps-summary.warn').count(), 0);
  await page.locator('.deps-panel summary').click();
  const panel = await page.locator('.deps-body').textContent();
  assert.match(panel, /External prerequisites \(1\)/);
  assert.doesNotMatch(panel, /not understood|no item, phase or section/i);
  const ext = page.locator('.deps-body li.external');
  assert.equal(await ext.count(), 1);
  assert.match(await ext.textContent(), /Design review.*for.*Foxtrot/s);
  assert.equal(await page.locator('.deps-body .problem').count(), 0);
  const [extColor, errColor] = await ext.evaluate((el) => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--error-text)';
    el.appendChild(probe);
    const err = getComputedStyle(probe).color;
    probe.remove();
    return [getComputedStyle(el).color, err];
  });
  assert.notEqual(extColor, errColor, 'external prerequisites are not shown as errors');
  assert.match(panel, /Bravo.*waits on.*Alpha/s);
  await ext.locator('.line-link').first().click();
  await page.locator('article.document').waitFor();
  assertClean(assert, page);
  await fresh.context.close();
});
