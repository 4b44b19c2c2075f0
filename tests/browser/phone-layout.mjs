// A 390 x 844 phone (and a 1280 px screen to compare): on every page of a generated site
// - the header with the closed menu takes at most 15 % of the first screen (126.6 px),
//   and opening the menu shows its links;
// - each static chart shows its narrow drawing (svg.chart-narrow) on the phone and its
//   wide one on the wide screen, exactly one of the two;
// - a comparison table is a stack of cards on the phone (each row a block as wide as the
//   table, no side-scrolling) and a table on the wide screen.
//
//   node tests/browser/phone-layout.mjs <site-dir>
//
// Prints the measurements per page and "FAIL" lines; exits 1 on any failure.

import {findPages, siteArgument, startServer, urlPath, withBrowser} from './site-server.mjs';

const PHONE = {width: 390, height: 844};
const WIDE = {width: 1280, height: 900};
const MAX_SHARE = 0.15;

const siteDir = siteArgument(process.argv[2], 'usage: node tests/browser/phone-layout.mjs <site-dir>');
const pages = findPages(siteDir).filter((p) => !p.startsWith('embed/'));
const {server, origin} = await startServer(siteDir, true);
let failures = 0;
const fail = (page, what) => {
  failures++;
  console.log(`FAIL ${page}: ${what}`);
};

function measure() {
  const visible = (el) => el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width > 0;
  const header = document.querySelector('.site-header');
  const charts = [...document.querySelectorAll('.chart-view')].map((view) => ({
    wide: visible(view.querySelector('svg.chart-wide')),
    narrow: visible(view.querySelector('svg.chart-narrow')),
    width: Math.round((view.querySelector('svg.chart-narrow') ?? view).getBoundingClientRect().width),
  }));
  const tables = [...document.querySelectorAll('table.comparison-table')].map((t) => {
    const row = t.querySelector('tbody tr');
    return {
      rowDisplay: row ? getComputedStyle(row).display : '',
      rowWidth: row ? row.getBoundingClientRect().width : 0,
      tableWidth: t.getBoundingClientRect().width,
      scrolls: t.closest('.table-scroll') ? t.closest('.table-scroll').scrollWidth > t.closest('.table-scroll').clientWidth + 1 : false,
    };
  });
  return {header: header ? header.getBoundingClientRect().height : -1,
    menuOpen: document.querySelector('details.site-menu')?.open ?? null, charts, tables};
}

try {
  await withBrowser(async (context) => {
    const page = await context.newPage();
    let menuChecked = false;
    for (const rel of pages) {
      await page.setViewportSize(PHONE);
      await page.goto(`${origin}/${urlPath(rel)}`, {waitUntil: 'load'});
      const phone = await page.evaluate(measure);
      const share = phone.header / PHONE.height;
      if (phone.header < 0) fail(rel, 'no .site-header');
      else if (share > MAX_SHARE) fail(rel, `header with closed menu is ${phone.header.toFixed(1)} px, ${(100 * share).toFixed(1)} % of 844`);
      if (phone.menuOpen !== false) fail(rel, 'the menu is not a closed <details>');
      phone.charts.forEach((c, i) => {
        if (!c.narrow || c.wide) fail(rel, `chart ${i + 1} on the phone: narrow ${c.narrow}, wide ${c.wide}`);
      });
      phone.tables.forEach((t, i) => {
        if (t.rowDisplay !== 'block' || t.scrolls) fail(rel, `comparison table ${i + 1} on the phone: rows ${t.rowDisplay}, scrolls ${t.scrolls}`);
      });
      if (!menuChecked) {
        await page.click('summary.menu-button');
        const links = await page.evaluate(() => [...document.querySelectorAll('.site-nav a')]
          .filter((a) => a.getBoundingClientRect().height > 0).length);
        if (links === 0) fail(rel, 'opening the menu shows no links');
        console.log(`menu opened on ${rel}: ${links} links visible`);
        menuChecked = true;
      }
      await page.setViewportSize(WIDE);
      const wide = await page.evaluate(measure);
      wide.charts.forEach((c, i) => {
        if (c.narrow || !c.wide) fail(rel, `chart ${i + 1} at 1280 px: narrow ${c.narrow}, wide ${c.wide}`);
      });
      wide.tables.forEach((t, i) => {
        if (t.rowDisplay !== 'table-row') fail(rel, `comparison table ${i + 1} at 1280 px: rows ${t.rowDisplay}`);
      });
      console.log(`${rel}: header ${phone.header.toFixed(1)} px (${(100 * share).toFixed(1)} % of 844), ` +
        `${phone.charts.length} charts, ${phone.tables.length} comparison tables`);
    }
  });
} finally {
  server.close();
}
console.log(`${pages.length} pages at 390 x 844 and 1280 px, ${failures} failures`);
process.exit(failures ? 1 : 0);
