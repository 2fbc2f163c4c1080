import { chromium } from '@playwright/test';
const port = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--enable-unsafe-webgpu'] });
const out = [];
for (let i = 0; i < 3; i++) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  const t0 = Date.now();
  await page.goto(`http://localhost:${port}/#/resnet-18`);
  await page.getByText(/Traced 66 operations/).waitFor({ timeout: 120000 });
  const first = Date.now() - t0;
  // repeat visit (remembered choice, cached files)
  const t1 = Date.now();
  await page.reload();
  await page.getByText(/Traced 66 operations/).waitFor({ timeout: 120000 });
  const repeat = Date.now() - t1;
  // lesson: stop 13 (new trace at 224) → 14..20 (same input) → 21 (new input)
  await page.goto(`http://localhost:${port}/?lesson=12`);
  await page.waitForTimeout(1500);
  const stops = [];
  for (let n = 13; n <= 21; n++) {
    const s = Date.now();
    await page.getByRole('button', { name: 'Next stop' }).click();
    await page.waitForURL(new RegExp(`lesson=${n}(&|#|$)`));
    await page.locator('[data-lesson-region="r18-maps"] canvas, [data-lesson-region="r18-maps"] .addition').first().waitFor({ state: 'visible', timeout: 120000 });
    await page.waitForFunction(() => !document.querySelector('[data-lesson-region="r18-maps"] .notice') || !/Reading/.test(document.querySelector('[data-lesson-region="r18-maps"]').innerText), null, { timeout: 120000 });
    stops.push(`${n}:${Date.now() - s}`);
  }
  out.push({ first, repeat, stops: stops.join(' ') });
  console.log(JSON.stringify(out[out.length - 1]));
  await ctx.close();
}
await browser.close();
