// Checks the stories and the search of a generated site in Chromium, served over HTTP with
// the site's strict Content-Security-Policy header and opened from file://.
//
//   node tests/browser/stories-search.mjs <site-dir> [--literal TEXT]... [--search WORD=STORY-ID]...
//                                         [--filter FACET=VALUE=COUNT]... [--chart PAGE=LABEL]
//
// On every page under verhalen/ (and zoeken/): one h1, headings in order, landmarks, no
// dialog opens (alert, confirm), no CSP violation or console error, and every quote (.story-text) holds only text, <br> and our placeholder
// spans: no <strong>, <b>, <em>, <script> or any other element came out of a quote.
// --literal TEXT: TEXT is visible, as it is, in a quote of verhalen/index.html.
// --search WORD=ID: typing WORD into zoeken/index.html lists the story #ID (also from file://);
//   its result's snippet shows a <mark> whose text folds to a word starting with WORD
//   (accents and case aside), with nothing but text and <mark> in the snippet.
// --filter FACET=VALUE=COUNT: choosing VALUE in the overview's FACET select and pressing
//   "Tonen" opens verhalen/FACET/VALUE/ (the address is the filter), whose pages hold COUNT
//   stories together; reloading that address shows VALUE chosen again (the round trip),
//   and "Alle" with "Tonen" leads back to verhalen/index.html.
// --chart PAGE=LABEL[@FIGURE-ID]: clicking the chart mark whose aria-label contains LABEL on
//   PAGE (in the figure with that id) leads to a stories page (verhalen/indicator/...#...),
//   over HTTP and from file://.
// Without JavaScript: the search page says that search needs it and links to the
// stories overview; the overview still lists the filter pages.
// Prints "ok ..." or "FAIL ..." lines; exit 1 on any failure.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {chromium} from 'playwright-core';
import {drawCharts, runMain} from './site-server.mjs';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; " +
  "img-src 'self' data:; object-src 'none'";
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];
const TYPES = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8'};

let failures = 0;
function ok(what) { console.log(`ok  ${what}`); }
function fail(what) { failures++; console.log(`FAIL ${what}`); }
function check(cond, what, detail = '') { if (cond) ok(what); else fail(detail ? `${what}: ${detail}` : what); }

function startServer(root) {
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, rel);
    fs.readFile(file, (err, body) => {
      const headers = {'Content-Security-Policy': CSP, 'Cache-Control': 'no-store'};
      if (err || !file.startsWith(root + path.sep)) {
        res.writeHead(404, headers);
        return res.end('not found');
      }
      headers['Content-Type'] = TYPES[path.extname(file)] || 'application/octet-stream';
      res.writeHead(200, headers);
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1',
    () => resolve({server, origin: `http://127.0.0.1:${server.address().port}`})));
}

function recordViolations() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`);
  });
}

// Opens `url` and returns the page and a list that collects what went wrong on it.
async function open(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on('dialog', async (d) => { problems.push(`a ${d.type()} dialog opened: ${d.message()}`); await d.dismiss(); });
  page.on('pageerror', (e) => problems.push(`uncaught ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  await page.goto(url, {waitUntil: 'load'});
  return {page, problems};
}

async function finish(label, {page, problems}) {
  const violations = await page.evaluate(() => window.__violations || []);
  for (const v of violations) problems.push(`CSP violation: ${v}`);
  check(problems.length === 0, label, problems.join('; '));
  await page.close();
}

// Elements inside quotes other than <br> and the placeholder spans.
function foreignElements() {
  const allowed = (el) => el.tagName === 'BR' || el.tagName === 'P' ||
    (el.tagName === 'SPAN' && (el.classList.contains('placeholder') || el.classList.contains('visually-hidden')));
  return [...document.querySelectorAll('.story-text *')].filter((el) => !allowed(el))
    .map((el) => `<${el.tagName.toLowerCase()}>`);
}

function pagesUnder(dir, rel) {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), {withFileTypes: true})) {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) out.push(...pagesUnder(dir, r));
    else if (e.name.endsWith('.html')) out.push(r);
  }
  return out.sort();
}

// One h1, no heading level skipped on the way down, and the page's landmarks.
function structureProblems() {
  const problems = [];
  const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
  if (levels.filter((l) => l === 1).length !== 1) problems.push(`${levels.filter((l) => l === 1).length} h1 elements`);
  levels.forEach((l, i) => { if (i > 0 && l > levels[i - 1] + 1) problems.push(`h${levels[i - 1]} followed by h${l}`); });
  for (const sel of ['header', 'nav', 'main', 'footer']) if (!document.querySelector(sel)) problems.push(`no <${sel}>`);
  if (document.documentElement.lang !== 'nl') problems.push(`lang="${document.documentElement.lang}"`);
  return problems;
}

async function storyPages(context, siteDir, base, literals, where = '', onlyOverview = false) {
  const pages = onlyOverview ? [path.join('verhalen', 'index.html')]
    : [...pagesUnder(siteDir, 'verhalen'), path.join('zoeken', 'index.html')];
  for (const rel of pages) {
    const opened = await open(context, `${base}/${rel.split(path.sep).join('/')}`);
    opened.problems.push(...await opened.page.evaluate(structureProblems));
    if (rel.startsWith('zoeken')) {
      await finish(`${rel}: one h1, headings in order, landmarks`, opened);
      continue;
    }
    const foreign = await opened.page.evaluate(foreignElements);
    if (foreign.length) opened.problems.push(`elements inside a quote: ${[...new Set(foreign)].join(' ')}`);
    const quotes = await opened.page.locator('.story-text').count();
    if (quotes === 0) opened.problems.push('no quote on the page');
    if (rel === path.join('verhalen', 'index.html')) {
      for (const text of literals) {
        const visible = await opened.page.locator('.story-text', {hasText: text}).first().isVisible().catch(() => false);
        if (!visible) opened.problems.push(`literal text not visible: ${text}`);
      }
    }
    await finish(`${where}${rel}: ${quotes} quotes as text${literals.length && rel.endsWith(`verhalen${path.sep}index.html`) ? `, literally showing ${literals.map((t) => JSON.stringify(t)).join(' and ')}` : ''}`, opened);
  }
}

// The stories of a paginated list, following its rel="next" links from the open page.
async function countPages(page) {
  let count = 0;
  for (let guard = 0; guard < 50; guard++) {
    count += await page.locator('.story-list > li.story:visible').count();
    const next = page.locator('.pagination a[rel="next"]');
    if ((await next.count()) === 0) return count;
    await Promise.all([page.waitForLoadState('load'), next.click()]);
  }
  return count;
}

async function filters(context, base, wanted) {
  for (const spec of wanted) {
    const [facet, value, count] = spec.split('=');
    const opened = await open(context, `${base}/verhalen/index.html`);
    const {page} = opened;
    await page.selectOption(`#kies-${facet}`, value);
    await Promise.all([page.waitForURL(`**/verhalen/${facet}/${value}/index.html`, {timeout: 5000})
      .catch(() => opened.problems.push(`"Tonen" led to ${page.url()}`)), page.click('.story-filter-form button')]);
    const address = page.url();
    // Round trip: the address alone restores the choice.
    await page.reload({waitUntil: 'load'});
    const chosen = await page.inputValue(`#kies-${facet}`);
    if (chosen !== value) opened.problems.push(`after reloading ${address} the ${facet} select shows "${chosen}"`);
    const shown = await countPages(page);
    if (shown !== Number(count)) opened.problems.push(`${shown} stories on its pages, expected ${count}`);
    await page.goto(address, {waitUntil: 'load'});
    await page.selectOption(`#kies-${facet}`, '');
    await Promise.all([page.waitForURL('**/verhalen/index.html', {timeout: 5000})
      .catch(() => opened.problems.push(`"Alle" led to ${page.url()}`)), page.click('.story-filter-form button')]);
    await finish(`filter ${facet}=${value}: ${address.slice(base.length + 1)} with ${shown} stories, restored on reload`,
      opened);
  }
}

async function searches(context, base, wanted, label) {
  for (const spec of wanted) {
    const [word, id] = spec.split('=');
    const opened = await open(context, `${base}/zoeken/index.html`);
    const {page} = opened;
    if (!(await page.isVisible('#zoekformulier'))) opened.problems.push('search form not shown');
    if (await page.isVisible('#zoeken-zonder-js')) opened.problems.push('"needs JavaScript" note still shown');
    await page.fill('#zoekterm', word);
    await page.press('#zoekterm', 'Enter');
    await page.waitForFunction(() => document.getElementById('zoekstatus').textContent !== '', null, {timeout: 5000})
      .catch(() => opened.problems.push('no search status'));
    const hrefs = await page.$$eval('#zoekresultaten a', (as) => as.map((a) => a.getAttribute('href')));
    const status = await page.textContent('#zoekstatus');
    const hit = hrefs.find((h) => h.endsWith(`#${id}`));
    if (!hit) opened.problems.push(`#${id} not among ${hrefs.length} results: ${hrefs.join(', ')}`);
    else {
      // The snippet of that result marks the searched word, built as text and <mark> only.
      const snippet = await page.$eval(`#zoekresultaten a[href$="#${id}"]`, (a) => {
        const p = a.closest('li').querySelector('.search-fragment');
        return {marks: [...p.querySelectorAll('mark')].map((m) => m.textContent),
          others: [...p.querySelectorAll('*')].filter((el) => el.tagName !== 'MARK').map((el) => el.tagName),
          text: p.textContent};
      });
      const fold = (t) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      if (!snippet.marks.some((m) => fold(m).startsWith(fold(word))))
        opened.problems.push(`no <mark> starting with "${word}" in the snippet: ${JSON.stringify(snippet.text)}`);
      if (snippet.others.length) opened.problems.push(`elements in the snippet: ${snippet.others.join(' ')}`);
      else console.log(`    snippet marks ${JSON.stringify(snippet.marks)}: ${snippet.text.slice(0, 90)}…`);
      // The result leads to the story: follow it and see the quote.
      await page.click(`#zoekresultaten a[href$="#${id}"]`);
      await page.waitForLoadState('load');
      const there = await page.isVisible(`#${id} .story-text`);
      if (!there) opened.problems.push(`following the result did not show #${id}`);
    }
    await finish(`${label} search "${word}" finds #${id} (${status.trim()})`, opened);
  }
}

async function chartLink(context, base, spec, where) {
  const [pagePath, labelAt] = spec.split('=');
  const [label, figure] = labelAt.split('@');
  const opened = await open(context, `${base}/${pagePath}`);
  const {page} = opened;
  await drawCharts(page, 20000);
  const mark = page.locator(`${figure ? `#${figure} ` : ''}.chart-view svg.marks [aria-label*="${label}"]`).first();
  let box = null;
  if ((await mark.count()) > 0) {
    await mark.scrollIntoViewIfNeeded();
    box = await mark.boundingBox();
  }
  if (!box) {
    opened.problems.push(`no chart mark with aria-label containing "${label}"`);
  } else {
    await Promise.all([page.waitForURL(/verhalen\/indicator\//, {timeout: 5000}).catch(() => null),
      page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)]);
    const url = page.url();
    if (!/verhalen\/indicator\/.*#verhalen-/.test(url)) opened.problems.push(`click led to ${url}`);
    else opened.problems.length || console.log(`    clicked "${label}" -> ${url.slice(base.length + 1)}`);
  }
  await finish(`${where} ${pagePath}: the chart mark "${label}" links to its stories`, opened);
}

async function withoutScripts(browser, origin) {
  const context = await browser.newContext({javaScriptEnabled: false});
  const page = await context.newPage();
  await page.goto(`${origin}/zoeken/index.html`);
  const note = await page.isVisible('#zoeken-zonder-js');
  const link = await page.locator('#zoeken-zonder-js a[href="../verhalen/index.html"]').count();
  const form = await page.isVisible('#zoekformulier');
  check(note && !form && link === 1, 'without JavaScript the search page says so and links to the stories overview',
    `note ${note}, form ${form}, link ${link}`);
  await page.goto(`${origin}/verhalen/index.html`);
  const facetLinks = await page.locator('.story-filters .facet a').count();
  const stories = await page.locator('.story-list > li.story:visible').count();
  check(facetLinks > 0 && stories > 0, `without JavaScript the overview lists ${stories} stories and ${facetLinks} filter pages`);
  await context.close();
}

async function main() {
  const args = process.argv.slice(2);
  const siteArg = args[0];
  if (!siteArg || !fs.existsSync(path.join(siteArg, 'verhalen', 'index.html'))) {
    console.error('usage: node tests/browser/stories-search.mjs <site-dir with verhalen/> [--literal T] [--search W=ID] [--filter F=V=N] [--chart PAGE=LABEL]');
    process.exit(2);
  }
  const siteDir = fs.realpathSync(siteArg);
  const all = (flag) => args.flatMap((a, i) => (a === flag && args[i + 1] !== undefined ? [args[i + 1]] : []));
  const {server, origin} = await startServer(siteDir);
  const browser = await chromium.launch({executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS});
  try {
    const context = await browser.newContext({viewport: {width: 1280, height: 900}});
    await context.addInitScript(recordViolations);
    // Only the site's own files may load.
    await context.route('**/*', (r) => {
      const url = r.request().url();
      return url.startsWith(origin + '/') || url.startsWith('file:') ? r.continue() : r.abort();
    });
    await storyPages(context, siteDir, origin, all('--literal'));
    // From disk there is no CSP header: an inline script that got through would run here.
    await storyPages(context, siteDir, pathToFileURL(siteDir).href, all('--literal'), '[file://] ', true);
    await filters(context, origin, all('--filter'));
    await searches(context, origin, all('--search'), '[http, CSP]');
    await searches(context, pathToFileURL(siteDir).href, all('--search'), '[file://]');
    for (const spec of all('--chart')) {
      await chartLink(context, origin, spec, '[http, CSP]');
      await chartLink(context, pathToFileURL(siteDir).href, spec, '[file://]');
    }
    await context.close();
    await withoutScripts(browser, origin);
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`${failures === 0 ? 'all stories and search checks passed' : `${failures} failures`}`);
  return failures === 0;
}

runMain(main);
