import { serve, launch, openPage, DIST } from './harness.mjs';
const site = await serve(DIST);
const V1 = '# Team plan\n\n## Build\n- [ ] Write code\n- [x] Write tests\n- [ ] Review\n\n## Ship\n- [ ] Deploy to staging\n- [ ] Announce the release\n';
const V2 = V1.replace('- [ ] Review\n', '- [ ] Review\n- [ ] Write docs\n');
for (const [w, h, tag] of [[1280, 860, 'desktop'], [390, 844, 'phone']]) {
  const { context } = await launch(undefined, { viewport: { width: w, height: h } });
  await context.addInitScript(() => {
    window.showOpenFilePicker = async () => [await (await navigator.storage.getDirectory()).getFileHandle('ROADMAP.md', { create: true })];
  });
  const page = await openPage(context, site.url);
  await page.setViewportSize({ width: w, height: h });
  const save = (t) => page.evaluate(async (t) => { const h = await (await navigator.storage.getDirectory()).getFileHandle('ROADMAP.md', { create: true }); const wr = await h.createWritable(); await wr.write(t); await wr.close(); }, t);
  await save(V1);
  await page.screenshot({ path: `/tmp/shots18f/home-${tag}.png` });
  await page.locator('label[for="open-file"]').click();
  await page.locator('.follow-bar').waitFor();
  await page.locator('.card-check').first().check();
  await save(V2);
  await page.waitForFunction(() => /Updated from disk/.test(document.querySelector('.follow-note')?.textContent ?? ''));
  await page.screenshot({ path: `/tmp/shots18f/updated-${tag}.png` });
  await page.getByRole('button', { name: 'Write ticks to file' }).click();
  await page.screenshot({ path: `/tmp/shots18f/confirm-${tag}.png` });
  await page.getByRole('button', { name: 'Write to file' }).click();
  await page.waitForFunction(() => /Ticks written/.test(document.querySelector('.follow-note')?.textContent ?? ''));
  await page.screenshot({ path: `/tmp/shots18f/written-${tag}.png` });
  await page.evaluate(async () => (await navigator.storage.getDirectory()).removeEntry('ROADMAP.md'));
  await page.locator('.follow-trouble').waitFor();
  await page.screenshot({ path: `/tmp/shots18f/gone-${tag}.png` });
  console.log(tag, page.problems);
  await context.close();
}
await site.close();
