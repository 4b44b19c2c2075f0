// Checks that no page of a generated site scrolls sideways on a phone: at each width the
// document may not be wider than the window (WCAG 1.4.10 Reflow; 320 px is also 1280 px
// at 400 % zoom, 375 px a common phone). Wide tables must scroll inside their own region.
//
//   node tests/browser/no-horizontal-scroll.mjs <site-dir> [width ...]   (default 320 375)
//
// Opens every *.html page from disk in Debian's Chromium, waits for the charts
// (data-rendered on every .chart-view), then compares document.documentElement.scrollWidth
// with the window's width. Prints "ok" or "FAIL" per page and width, a summary line, and
// exits 1 on any failure.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {chromium} from 'playwright-core';
import {drawCharts, runMain} from './site-server.mjs';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];
const RENDER_TIMEOUT_MS = 20000;

function findPages(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findPages(full));
    else if (entry.isFile() && entry.name.endsWith('.html')) found.push(full);
  }
  return found.sort();
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length < 1) {
    console.error('usage: node tests/browser/no-horizontal-scroll.mjs <site-dir> [width ...]');
    process.exit(2);
  }
  const root = path.resolve(args[0]);
  const widths = args.length > 1 ? args.slice(1).map(Number) : [320, 375];
  const pages = findPages(root);
  if (pages.length === 0) {
    console.error(`no pages in ${root}`);
    process.exit(2);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'duiding-reflow-'));
  const browser = await chromium.launch({executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS});
  let failed = 0;
  let checked = 0;
  try {
    const context = await browser.newContext({viewport: {width: widths[0], height: 800}});
    // The site loads nothing from elsewhere; stop anything that tries.
    await context.route(/^https?:/, (route) => route.abort());
    const page = await context.newPage();
    for (const width of widths) {
      await page.setViewportSize({width, height: 800});
      for (const file of pages) {
        const rel = path.relative(root, file);
        await page.goto(pathToFileURL(file).href, {waitUntil: 'load'});
        await drawCharts(page, RENDER_TIMEOUT_MS).catch(() => {});
        const m = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
          // The widest element that sticks out, to say what to fix.
          culprit: (() => {
            let worst = null;
            for (const el of document.body.querySelectorAll('*')) {
              const r = el.getBoundingClientRect();
              if (r.right > window.innerWidth + 0.5 && (!worst || r.right > worst.right)) {
                let inScroller = false;
                for (let p = el.parentElement; p; p = p.parentElement) {
                  const o = getComputedStyle(p).overflowX;
                  if (o === 'auto' || o === 'scroll' || o === 'hidden') { inScroller = true; break; }
                }
                if (!inScroller) worst = {right: Math.round(r.right), what: el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '')};
              }
            }
            return worst;
          })(),
        }));
        ++checked;
        if (m.scroll > m.viewport) {
          ++failed;
          console.log(`FAIL ${width}px ${rel}: document ${m.scroll}px wide` +
            (m.culprit ? ` (${m.culprit.what} reaches ${m.culprit.right}px)` : ''));
        } else {
          console.log(`ok   ${width}px ${rel}`);
        }
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(profile, {recursive: true, force: true});
  }
  console.log(`${pages.length} pages at ${widths.join(' and ')} px: ${checked - failed} passed, ${failed} failed`);
  return failed === 0;
}

runMain(main);
