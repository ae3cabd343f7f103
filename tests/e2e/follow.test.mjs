// Following the file on disk (issue 18, point 1), through the same code path a reader uses:
// "Open roadmap file" calls `showOpenFilePicker`, stubbed here to hand out a file of the
// origin-private file system (OPFS); the test then writes that file as an editor would save it.
// A change shows within 2 s with ticks, filters, selection and scroll kept; "Write ticks to file"
// changes only the box characters; a change on disk since the file was read refuses the write.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, assertClean, DIST } from './harness.mjs';

let site;
before(async () => { site = await serve(DIST); });
after(async () => { await site.close(); });

const NAME = 'ROADMAP.md';
const many = Array.from({ length: 30 }, (_, k) => `- [ ] Item ${k + 1}`).join('\r\n');
// A BOM, CRLF line ends, trailing spaces and emphasis: bytes a careless writer would change.
const V1 = `\ufeff# Team plan\r\n\r\n## Build\r\n- [ ] Write code  \r\n- [x] Write *tests*\r\n- [ ] Review\r\n\r\n## Later\r\n${many}\r\n`;
const V2 = V1.replace('- [ ] Review\r\n', '- [ ] Review\r\n- [ ] Write docs\r\n');

/** A context whose file picker hands out OPFS files; `window.__hidden` fakes a hidden page. */
async function followingContext({ picker = true } = {}) {
  const { context } = await launch();
  await context.addInitScript(({ name, picker }) => {
    if (!picker) { delete window.showOpenFilePicker; delete Window.prototype.showOpenFilePicker; return; }
    window.showOpenFilePicker = async () => {
      const root = await navigator.storage.getDirectory();
      return [await root.getFileHandle(name, { create: true })];
    };
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => window.__hidden === true });
  }, { name: NAME, picker });
  return context;
}

/** Save `text` into the OPFS file, as an editor would. */
const save = (page, text) => page.evaluate(async ([name, text]) => {
  const root = await navigator.storage.getDirectory();
  const h = await root.getFileHandle(name, { create: true });
  const w = await h.createWritable();
  await w.write(text);
  await w.close();
}, [NAME, text]);

/** The OPFS file's bytes. */
const bytesOnDisk = (page) => page.evaluate(async (name) => {
  const root = await navigator.storage.getDirectory();
  const f = await (await root.getFileHandle(name)).getFile();
  return Array.from(new Uint8Array(await f.arrayBuffer()));
}, NAME);

const box = (page, text) => page.locator('.board .card').filter({ has: page.locator('.card-text', { hasText: new RegExp('^' + text) }) }).locator('.card-check');
const card = (page, text) => page.locator('.board .card').filter({ has: page.locator('.card-text', { hasText: new RegExp('^' + text) }) });

async function openFollowed(context, text = V1) {
  const page = await openPage(context, site.url);
  await save(page, text);
  await page.getByText('The board follows the file you open').waitFor();
  await page.locator('label[for="open-file"]').click();
  await page.getByRole('region', { name: 'Following the file' }).waitFor();
  await box(page, 'Write code').waitFor();
  return page;
}

test('a change on disk shows within 2 s, ticks, filters, selection and scroll kept', async () => {
  const context = await followingContext();
  try {
    const page = await openFollowed(context);
    await box(page, 'Write code').check();
    await card(page, 'Review').click({ position: { x: 4, y: 4 } }); // select (not the label)
    await page.waitForURL(/item=/);
    await page.getByLabel('Find').fill('e'); // a filter: the cards with an "e"
    await page.waitForURL(/q=e/);
    await page.setViewportSize({ width: 1280, height: 480 });
    const later = page.locator('.column').filter({ hasText: 'Item 30' });
    // A column scrolls only when it is taller than its box: keep whatever offset it took.
    const paneBefore = await later.evaluate((el) => { el.scrollTop = 200; return el.scrollTop; });
    await page.evaluate(() => window.scrollTo(0, 120));
    const scrolled = await page.evaluate(() => window.scrollY);
    assert.ok(scrolled > 50, `the page scrolled (${scrolled})`);
    const url = page.url();
    const t0 = Date.now();
    await save(page, V2);
    await card(page, 'Write docs').waitFor({ timeout: 2000 });
    const took = Date.now() - t0;
    assert.ok(took <= 2000, `shown after ${took} ms`);
    const status = page.getByRole('region', { name: 'Following the file' }).getByRole('status');
    await page.waitForFunction(() => /Updated from disk \d\d:\d\d/.test(document.querySelector('.follow-note')?.textContent ?? ''));
    assert.match(await status.textContent(), /^Updated from disk \d\d:\d\d$/);
    assert.ok(await box(page, 'Write code').isChecked(), 'the tick is kept');
    assert.ok(await box(page, 'Write tests').isChecked(), 'the file\'s own mark shows');
    assert.equal(page.url(), url, 'view, filter and selection kept');
    assert.equal(await page.getByLabel('Find').inputValue(), 'e');
    assert.ok(await card(page, 'Review').evaluate((el) => el.classList.contains('selected')), 'still selected');
    const after = await page.evaluate(() => window.scrollY);
    assert.ok(Math.abs(after - scrolled) <= 2, `scroll kept (${scrolled} → ${after})`);
    const pane = await later.evaluate((el) => el.scrollTop);
    assert.ok(Math.abs(pane - paneBefore) <= 2, `the column's scroll kept (${paneBefore} → ${pane})`);
    // Deleted on disk: a clear message; the last version stays.
    await page.evaluate(async (name) => (await navigator.storage.getDirectory()).removeEntry(name), NAME);
    await page.getByRole('alert').filter({ hasText: /can no longer be found on disk/ }).waitFor({ timeout: 3000 });
    assert.ok(await card(page, 'Write docs').isVisible(), 'the last version stays on screen');
    // Back again (an editor that saves by replacing the file): followed again.
    await save(page, V2.replace('Write docs', 'Write the docs'));
    await card(page, 'Write the docs').waitFor({ timeout: 3000 });
    assert.equal(await page.getByRole('alert').filter({ hasText: /can no longer be found/ }).count(), 0);
    assertClean(assert, page);
  } finally { await context.close(); }
});

test('write ticks to file changes only the box characters, after a confirmation', async () => {
  const context = await followingContext();
  try {
    const page = await openFollowed(context);
    await box(page, 'Write code').check();
    await box(page, 'Write tests').uncheck();
    await box(page, 'Item 7').check();
    const before = await bytesOnDisk(page);
    await page.getByRole('button', { name: 'Write ticks to file' }).click();
    const confirm = page.getByRole('group', { name: /Write your ticks into “ROADMAP.md”/ });
    assert.match(await confirm.textContent(), /3 task boxes will change/);
    assert.deepEqual(await bytesOnDisk(page), before, 'nothing written before confirming');
    await confirm.getByRole('button', { name: 'Write to file' }).click();
    await page.waitForFunction(() => /Ticks written to “ROADMAP.md” \d\d:\d\d/.test(document.querySelector('.follow-note')?.textContent ?? ''));
    const out = await bytesOnDisk(page);
    assert.equal(out.length, before.length, 'same length');
    const changed = out.map((b, i) => [i, before[i], b]).filter(([, a, b]) => a !== b);
    assert.equal(changed.length, 3, 'three bytes changed');
    for (const [i] of changed) assert.equal(before[i - 1], '['.charCodeAt(0), `byte ${i} is a box character`);
    const text = Buffer.from(out).toString('utf8');
    assert.ok(text.includes('- [x] Write code  \r\n') && text.includes('- [ ] Write *tests*\r\n') && text.includes('- [x] Item 7\r\n'));
    assert.ok(text.startsWith('\ufeff'), 'BOM kept');
    // Shown as written, the ticks unchanged; nothing more to write.
    await page.waitForTimeout(1500);
    assert.ok(await box(page, 'Write code').isChecked());
    assert.equal(await box(page, 'Write tests').isChecked(), false);
    await page.getByRole('button', { name: 'Write ticks to file' }).click();
    await page.getByRole('status').filter({ hasText: /Nothing to write/ }).waitFor();
    assertClean(assert, page);
  } finally { await context.close(); }
});

test('a change on disk since the file was read refuses the write and is read again', async () => {
  const context = await followingContext();
  try {
    const page = await openFollowed(context);
    await box(page, 'Write code').check();
    await page.getByRole('button', { name: 'Write ticks to file' }).click();
    // The page is hidden: the file is not looked at (and so not re-read before the write).
    await page.evaluate(() => { window.__hidden = true; });
    await page.waitForTimeout(1100);
    await save(page, V2);
    await page.waitForTimeout(1500);
    assert.equal(await card(page, 'Write docs').count(), 0, 'not looked at while hidden');
    await page.getByRole('button', { name: 'Write to file' }).click();
    await page.getByRole('status').filter({ hasText: /Not written: the file changed on disk/ }).waitFor();
    assert.equal(Buffer.from(await bytesOnDisk(page)).toString('utf8'), V2, 'the file is untouched');
    await card(page, 'Write docs').waitFor(); // read again
    assert.ok(await box(page, 'Write code').isChecked(), 'the tick is kept');
    await page.evaluate(() => { window.__hidden = false; });
    assertClean(assert, page);
  } finally { await context.close(); }
});

test('without the File System Access API: the file dialog as before, and a note why', async () => {
  const context = await followingContext({ picker: false });
  try {
    const page = await openPage(context, site.url);
    await page.getByText(/This browser cannot follow a file on disk/).waitFor();
    await page.getByLabel('Open roadmap file').setInputFiles({ name: 'plain.md', mimeType: 'text/markdown', buffer: Buffer.from('# Plain\n- [ ] One\n') });
    await page.locator('.doc-title').waitFor();
    assert.equal(await page.getByRole('region', { name: 'Following the file' }).count(), 0);
    assertClean(assert, page);
  } finally { await context.close(); }
});
