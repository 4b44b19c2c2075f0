import {chromium} from 'playwright-core';
import {startServer} from './site-server.mjs';
const [site, prefix] = process.argv.slice(2);
const {server, origin} = await startServer(site, true);
const browser = await chromium.launch({executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']});
for (const scheme of ['light', 'dark']) for (const width of [390, 1280]) {
  const ctx = await browser.newContext({viewport: {width, height: 900}, colorScheme: scheme});
  const page = await ctx.newPage();
  await page.goto(`${origin}/verhalen/index.html`);
  await page.screenshot({path: `${prefix}verhalen-${width}-${scheme}.png`, fullPage: false});
  await page.goto(`${origin}/verhalen/pagina-6/index.html`);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.screenshot({path: `${prefix}verhalen-p6-end-${width}-${scheme}.png`});
  await page.goto(`${origin}/zoeken/index.html?q=vertrouwen`);
  await page.waitForTimeout(500);
  await page.screenshot({path: `${prefix}zoeken-${width}-${scheme}.png`, fullPage: false});
  const h = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(scheme, width, 'search page height', h);
  await ctx.close();
}
await browser.close(); server.close();
