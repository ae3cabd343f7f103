// Screenshots of the built site for looking at views:
//   node screenshot.mjs '<query>' out.png [--dark] [--width=390] [--full]
// e.g. node screenshot.mjs '?src=roadmaps/miro-clone-cycle-35.md' shots/miro.png --dark
import { serve, launch, DIST } from './harness.mjs';

const [query = '', out = 'screenshot.png', ...flags] = process.argv.slice(2);
const width = Number((flags.find((f) => f.startsWith('--width=')) || '--width=1280').split('=')[1]);
const site = await serve(DIST);
const { context } = await launch();
try {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: width < 600 ? 844 : 860 });
  await page.emulateMedia({ colorScheme: flags.includes('--dark') ? 'dark' : 'light' });
  await page.goto(site.url + query);
  await page.waitForTimeout(800);
  await page.screenshot({ path: out, fullPage: flags.includes('--full') });
  console.log(`wrote ${out}`);
} finally {
  await context.close();
  await site.close();
}
