// Accessibility checks of a generated site in Debian's Chromium.
//
//   node tests/browser/a11y-pages.mjs <site-dir> [--axe] [--no-js] [--keyboard] [--dark] [--page REL]...
//
// --page REL (repeatable) checks only those pages (paths from the site root, e.g.
// verhalen/groep/gezinnen/pagina-2/index.html, or zoeken/index.html?q=vertrouwen with the
// search's results shown) instead of every page of the site.
//
// Without a flag all three run; each uses one browser context and opens the pages one
// after another.
//   --axe       axe-core (npm) with the tags wcag2a wcag2aa wcag21a wcag21aa on every page,
//               after its charts are drawn. Fails on any violation and prints the page,
//               rule id and target of each.
//   --no-js     Every page with JavaScript disabled: each .chart-view must hold the static
//               SVG the generator wrote (svg.chart-static, visible, with marks in it, labelled
//               with the chart's summary sentence), and an indicator page must show as many
//               charts as its folder has Vega-Lite specs (*.vl.json). axe runs again on the
//               pages with charts with the site's scripts blocked (axe itself needs
//               scripting), since static charts are what print and no-JS readers get.
//   --keyboard  Every indicator page with charts, from the top: the first Tab reaches the
//               skip link, Enter on it moves focus to <main>, and Tab from there reaches every
//               link in <main> (table links and downloads included, with every chart's
//               tab panels shown); each focused element
//               shows its focus (an outline or a box-shadow).
//   --dark      Runs the checks above with the colour scheme emulated as dark
//               (prefers-color-scheme: dark), so axe checks text and link contrast of the
//               dark mode; alone it means --axe --dark.
// The pages are served with the site's Content-Security-Policy header. Prints one line per
// problem and a summary per check; exit 1 on any problem.

import fs from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';
import {drawCharts, findPages, siteArgument, startServer, urlPath, withBrowser, runMain} from './site-server.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const RENDER_TIMEOUT_MS = 20000;

// Runs axe on the open page; returns {rules, violations: [{rule, target, summary}]}.
async function runAxe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {runOnly: {type: 'tag', values: tags}});
    const ids = new Set([...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable].map((x) => x.id));
    return {
      rules: [...ids],
      violations: r.violations.flatMap((v) => v.nodes.map((n) => ({
        rule: v.id, target: n.target.join(' '), summary: (n.failureSummary || v.help).split('\n').join(' ')}))),
      incomplete: r.incomplete.map((v) => v.id),
    };
  }, AXE_TAGS);
  return result;
}

function waitForCharts(page) {
  return drawCharts(page, RENDER_TIMEOUT_MS);
}

// The number of Vega-Lite specs beside page `rel`: the charts its indicator has.
function specsBeside(siteDir, rel) {
  return fs.readdirSync(path.join(siteDir, path.dirname(rel))).filter((f) => f.endsWith('.vl.json')).length;
}

async function axeCheck(context, origin, pages, fail) {
  const rules = new Set();
  const needsReview = new Map();
  let violations = 0;
  const page = await context.newPage();
  for (const rel of pages) {
    await page.goto(`${origin}/${urlPath(rel)}`, {waitUntil: 'load'});
    await waitForCharts(page).catch(() => fail(rel, 'charts not drawn; axe ran on what there was'));
    const r = await runAxe(page);
    r.rules.forEach((id) => rules.add(id));
    r.incomplete.forEach((id) => needsReview.set(id, (needsReview.get(id) || 0) + 1));
    for (const v of r.violations) fail(rel, `axe ${v.rule} at ${v.target}: ${v.summary}`);
    violations += r.violations.length;
  }
  await page.close();
  console.log(`axe: ${pages.length} pages, ${rules.size} rules run (${AXE_TAGS.join(' ')}), ` +
    `${violations} violations`);
  if (needsReview.size > 0) {
    console.log(`axe: needs review by a person (not failures): ` +
      [...needsReview].map(([id, n]) => `${id} on ${n} pages`).join(', '));
  }
}

async function noJsCheck(context, origin, siteDir, pages, fail) {
  const page = await context.newPage();
  let charts = 0;
  const withCharts = [];
  for (const rel of pages) {
    await page.goto(`${origin}/${urlPath(rel)}`, {waitUntil: 'load'});
    const state = await page.evaluate(() => ({
      views: document.querySelectorAll('.chart-view').length,
      charts: [...document.querySelectorAll('.chart-view')].map((el) => {
        const svg = el.querySelector(':scope > svg.chart-static');
        const caption = el.closest('figure')?.querySelector('figcaption')?.textContent.trim();
        if (!svg) return {id: el.dataset.spec, problem: 'no static SVG'};
        const box = svg.getBoundingClientRect();
        const marks = svg.querySelectorAll('path, rect, line, circle, text').length;
        if (box.width < 50 || box.height < 20) return {id: el.dataset.spec, problem: `SVG is ${box.width}x${box.height}px`};
        if (marks < 3) return {id: el.dataset.spec, problem: 'SVG has no marks'};
        if (svg.getAttribute('role') !== 'img') return {id: el.dataset.spec, problem: 'SVG without role="img"'};
        if (!caption || svg.getAttribute('aria-label') !== caption) {
          return {id: el.dataset.spec, problem: 'aria-label of the SVG is not the summary sentence'};
        }
        return {id: el.dataset.spec, problem: ''};
      }),
      drawn: document.querySelectorAll('.chart-view svg.marks').length,
    }));
    const shown = state.charts.filter((c) => c.problem === '').length;
    for (const c of state.charts) if (c.problem) fail(rel, `chart ${c.id}: ${c.problem}`);
    if (state.drawn > 0) fail(rel, `${state.drawn} charts drawn by script although JavaScript is off`);
    const specs = specsBeside(siteDir, rel);
    if (specs > 0 && state.views !== specs) fail(rel, `${state.views} charts on the page, ${specs} *.vl.json beside it`);
    if (state.views > 0) {
      console.log(`no-js ${rel}: ${shown} SVG of ${state.views} charts (${specs} specs)`);
      withCharts.push(rel);
    }
    charts += shown;
  }
  await page.close();
  if (charts === 0) fail(siteDir, 'no chart shown as SVG on any page');
  console.log(`no-js: ${pages.length} pages, ${charts} charts shown as static SVG`);
  return withCharts;
}

// axe needs scripts (its own timers), so it runs where scripting is on but the site's own
// scripts are not loaded: the pages as a reader without JavaScript sees them.
async function staticAxeCheck(context, origin, pages, fail) {
  const page = await context.newPage();
  await page.route('**/*.js', (r) => r.abort('blockedbyclient'));
  let rules = 0;
  for (const rel of pages) {
    await page.goto(`${origin}/${urlPath(rel)}`, {waitUntil: 'load'});
    const r = await runAxe(page);
    rules = Math.max(rules, r.rules.length);
    for (const v of r.violations) fail(`${rel} [no-js]`, `axe ${v.rule} at ${v.target}: ${v.summary}`);
  }
  await page.close();
  console.log(`no-js axe: ${pages.length} pages with static charts, ${rules} rules run`);
}

async function keyboardCheck(context, origin, siteDir, pages, fail) {
  const withCharts = pages.filter((rel) => specsBeside(siteDir, rel) > 0);
  const page = await context.newPage();
  let links = 0;
  for (const rel of withCharts) {
    await page.goto(`${origin}/${urlPath(rel)}`, {waitUntil: 'load'});
    await waitForCharts(page).catch(() => fail(rel, 'charts not drawn'));
    // Pressing the chart buttons moved the keyboard's starting point into the page; put it
    // back at the top, where a reader who has just opened the page starts.
    await page.evaluate(() => {
      const root = document.documentElement;
      root.setAttribute('tabindex', '-1');
      root.focus();
      root.blur();
      root.removeAttribute('tabindex');
    });
    // Number every link in <main>, to know which ones focus reached. Links in a chart's
    // Tabel or Toelichting panel are reached once their tab is chosen (chart-tabs.mjs
    // checks the tabs); here they are opened first, since a reader who wants them does.
    await page.evaluate(() => {
      document.querySelectorAll('[role="tabpanel"]').forEach((panel) => { panel.hidden = false; });
    });
    const expected = await page.evaluate(() => {
      const all = [...document.querySelectorAll('main a[href]')];
      all.forEach((a, i) => { a.dataset.kbd = String(i); });
      return all.map((a) => a.textContent.trim().slice(0, 60) || a.getAttribute('href'));
    });
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return {
        tag: el.tagName.toLowerCase(), cls: el.className && String(el.className), id: el.id,
        kbd: el.dataset ? el.dataset.kbd : undefined, inMain: !!el.closest('main'),
        visible: outline || style.boxShadow !== 'none',
        text: (el.textContent || '').trim().slice(0, 40),
      };
    });
    await page.keyboard.press('Tab');
    const first = await focused();
    if (!first || !String(first.cls).includes('skip-link')) {
      fail(rel, `first Tab reaches ${first ? `<${first.tag} class="${first.cls}">` : 'nothing'}, not the skip link`);
      continue;
    }
    if (!first.visible) fail(rel, 'the skip link shows no focus');
    await page.keyboard.press('Enter');
    const target = await focused();
    if (!target || target.id !== 'inhoud') fail(rel, `Enter on the skip link moves focus to ${target ? target.tag + '#' + target.id : 'nothing'}, not <main>`);
    const reached = new Set();
    for (let presses = 0; presses < expected.length * 3 + 20; presses++) {
      await page.keyboard.press('Tab');
      const el = await focused();
      if (!el || !el.inMain) break;
      if (!el.visible) fail(rel, `focus not visible on <${el.tag}> "${el.text}"`);
      if (el.kbd !== undefined) reached.add(Number(el.kbd));
    }
    expected.forEach((text, i) => { if (!reached.has(i)) fail(rel, `link "${text}" in <main> not reached with Tab`); });
    links += expected.length;
    console.log(`keyboard ${rel}: ${reached.size} of ${expected.length} links in <main> reached`);
  }
  await page.close();
  if (withCharts.length === 0) fail(siteDir, 'no indicator page with charts to tab through');
  console.log(`keyboard: ${withCharts.length} indicator pages, ${links} links in <main>`);
}

async function main() {
  const args = process.argv.slice(2);
  const usage = 'usage: node tests/browser/a11y-pages.mjs <site-dir> [--axe] [--no-js] [--keyboard] [--dark] [--page REL]...';
  const siteDir = siteArgument(args[0], usage);
  const only = args.flatMap((a, i) => (a === '--page' && args[i + 1] !== undefined ? [args[i + 1]] : []));
  const flags = new Set(args.slice(1).filter((a, i, rest) => a !== '--page' && rest[i - 1] !== '--page'));
  for (const f of flags) if (!['--axe', '--no-js', '--keyboard', '--dark'].includes(f)) siteArgument(undefined, usage);
  const scheme = {colorScheme: flags.delete('--dark') ? 'dark' : 'light'};
  if (scheme.colorScheme === 'dark') {
    if (flags.size === 0) flags.add('--axe');
    console.log('colour scheme: dark');
  }
  const all = flags.size === 0;
  const pages = only.length > 0 ? only.map((rel) => rel.split('/').join(path.sep)) : findPages(siteDir);
  for (const rel of pages) if (!fs.existsSync(path.join(siteDir, rel.split('?')[0]))) siteArgument(undefined, `no page ${rel}\n${usage}`);
  let problems = 0;
  const fail = (where, what) => {
    problems++;
    console.log(`FAIL ${where}: ${what}`);
  };
  if (pages.length === 0) fail(siteDir, 'no *.html pages found');

  const {server, origin} = await startServer(siteDir, true);
  try {
    const localOnly = (context) =>
      context.route('**/*', (r) => (r.request().url().startsWith(origin + '/') ? r.continue() : r.abort()));
    let staticPages = [];
    if (all || flags.has('--no-js')) {
      await withBrowser(async (context) => {
        await localOnly(context);
        staticPages = await noJsCheck(context, origin, siteDir, pages, fail);
      }, {javaScriptEnabled: false, ...scheme});
    }
    await withBrowser(async (context) => {
      await localOnly(context);
      if (all || flags.has('--axe')) await axeCheck(context, origin, pages, fail);
      if (staticPages.length > 0) await staticAxeCheck(context, origin, staticPages, fail);
      if (all || flags.has('--keyboard')) await keyboardCheck(context, origin, siteDir, pages, fail);
    }, scheme);
  } finally {
    server.close();
  }
  console.log(`${problems} problems`);
  return problems === 0;
}

runMain(main);
