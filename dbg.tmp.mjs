import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
await page.goto(`http://localhost:4204/?lesson=17&projector=1`);
await page.waitForTimeout(12000);
console.log(await page.evaluate(() => {
  const el = document.querySelector('.lesson-focus');
  const keys = [...el.querySelectorAll('.tensor-head, .feature-maps, .addition')].map(k => { const r = k.getBoundingClientRect(); return [k.className, Math.round(r.top), Math.round(r.bottom)]; });
  const r = el.getBoundingClientRect();
  return JSON.stringify({ scrollY, region: [r.top, r.bottom], keys, bar: getComputedStyle(document.documentElement).getPropertyValue('--lesson-bar-height'), smt: getComputedStyle(el).scrollMarginTop, docH: document.documentElement.scrollHeight });
}));
await page.screenshot({ path: '/tmp/hl-shots/dbg17.png' });
await browser.close();
