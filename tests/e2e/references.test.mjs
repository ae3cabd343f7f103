// Claims and references (issue 14, rules 5-6): the header quotes only what the document
// claims about itself, a phase's claim shows on that phase, and the Dependencies panel lists
// external prerequisites neutrally, ambiguous references with their candidates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, assertClean, DIST } from './harness.mjs';

let site, browser;
before(async () => { site = await serve(DIST); browser = await launch(); });
after(async () => { await browser.context.close(); await site.close(); });

test('claims have a scope: the header and the phase columns', async () => {
  const page = await openPage(browser.context, `${site.url}?src=/__fixtures__/references.md`);
  await page.locator('.board .card').first().waitFor();
  // "**Overall progress:** 45% complete" is the document's; "Phase 1 … 90% complete" is not
  assert.match(await page.locator('.doc-header .claim').textContent(), /^claims 45%/);
  await page.goto(`${site.url}?src=/__fixtures__/references.md&group=phase`);
  const phase1 = page.locator('.column').filter({ has: page.locator('.column-title', { hasText: /^Phase 1/ }) });
  assert.equal(await phase1.locator('.column-claim').textContent(), 'claims 90%');
  const phase2 = page.locator('.column').filter({ has: page.locator('.column-title', { hasText: /^Phase 2/ }) });
  assert.equal(await phase2.locator('.column-claim').count(), 0);
  assertClean(assert, page);
  await page.close();
});

test('the Dependencies panel: external prerequisites counted and neutral, ambiguity with candidates', async () => {
  const page = await openPage(browser.context, `${site.url}?src=/__fixtures__/references.md`);
  // neutral figures apart from what the document has to fix
  const neutral = page.locator('.deps-panel .deps-summary:not(.warn)');
  await neutral.waitFor();
  assert.equal(await neutral.textContent(), '17 written · 9 external prerequisites');
  assert.equal(await page.locator('.deps-panel .deps-summary.warn').textContent(), '1 ambiguous · 1 not found');
  await page.locator('.deps-panel summary').click();
  const body = page.locator('.deps-body');
  assert.match(await body.locator('h3', { hasText: 'External prerequisites' }).textContent(), /^External prerequisites \(9\)$/);
  const ext = body.locator('li.external');
  assert.equal(await ext.count(), 9);
  assert.match(await ext.filter({ hasText: 'Listing, creation, submission, grading UIs' }).textContent(), /for Task 1\.4: Assignment Workflow/);
  // who waits is named without its own dependency phrase
  assert.match(await ext.filter({ hasText: 'Zendesk licence' }).textContent(), /— for Support rota line 81$/);
  assert.equal(await ext.filter({ hasText: 'Task 1.9' }).count(), 0);
  assert.match(await body.locator('li.ambiguous').textContent(), /“Write tests”.*names 2 things.*Write tests.*line 41.*Write tests.*line 61/s);
  assert.match(await body.locator('li.problem').textContent(), /“Task 1\.9”/);
  assert.match(await body.textContent(), /Task 1\.2: Course Catalogue waits on Task 1\.1: File Upload System/);
  assertClean(assert, page);
  await page.close();
});
