import { chromium } from '@playwright/test';
const [,, port, out, stopsArg, sizesArg, extra=''] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--enable-unsafe-webgpu'] });
for (const size of sizesArg.split(',')) {
  const [w,h,proj] = size.split('x');
  const page = await browser.newPage({ viewport: { width: +w, height: +h } });
  for (const n of stopsArg.split(',')) {
    await page.goto(`http://localhost:${port}/?lesson=${n}${proj ? '&projector=1' : ''}${extra}`);
    await page.waitForTimeout(n >= 13 ? 9000 : 3000);
    const info = await page.evaluate(() => {
      const bar = document.querySelector('.lesson-bar')?.getBoundingClientRect();
      const f = document.querySelector('.lesson-focus')?.getBoundingClientRect();
      const k = document.querySelector('.lesson-focus [data-lesson-key], .lesson-focus[data-lesson-key]')?.getBoundingClientRect();
      return { bar: bar && [Math.round(bar.top), Math.round(bar.height)], focus: f && [Math.round(f.top), Math.round(f.bottom)], key: k && [Math.round(k.top), Math.round(k.bottom)] };
    });
    console.log(size, n, JSON.stringify(info));
    await page.screenshot({ path: `${out}/stop${n}-${size}.png` });
  }
  await page.close();
}
await browser.close();
