// The Grafiek / Tabel / Toelichting tabs and the permalink copy buttons in Debian's
// Chromium, served with the site's Content-Security-Policy header.
//
//   node tests/browser/chart-tabs.mjs <site-dir> <indicator page> <stories page>
//
// On the indicator page:
//   - with JavaScript: each chart figure has one tab list (role=tablist) of three tabs
//     Grafiek, Tabel, Toelichting, the first selected and its panel the only one shown;
//     Tab from the top reaches the selected tab (and no other tab of that list); ArrowRight,
//     ArrowLeft (both wrapping), Home and End move focus and selection and show only the
//     selected tab's panel; Tab from a tab goes into the panel, not to the next tab;
//   - a chart drawn by vega-embed, hidden behind the Tabel tab while the window narrows to
//     390 px, has the width of its panel again when the Grafiek tab comes back;
//   - a link to a hidden panel (#tabel-...) opens that panel's tab;
//   - the copy button of a permalink, pressed with the keyboard, puts the link's full
//     address on the clipboard and the live region says "Link gekopieerd";
//   - printing (print media) shows all three panels and no tab list;
//   - without JavaScript: no tab list, all three panels shown in order, copy buttons
//     hidden and the permalinks plain links.
// On the stories page a story's copy button copies its address too.
// Any securitypolicyviolation or page error fails. Prints one line per problem; exit 1.

import {siteArgument, startServer, urlPath, withBrowser, runMain} from './site-server.mjs';

const usage = 'usage: node tests/browser/chart-tabs.mjs <site-dir> <indicator page> <stories page>';
const args = process.argv.slice(2);
const siteDir = siteArgument(args[0], usage);
const [indicatorPage, storiesPage] = [args[1], args[2]];
if (!indicatorPage || !storiesPage) siteArgument(undefined, usage);

let problems = 0;
const fail = (what) => {
  problems++;
  console.log(`FAIL ${what}`);
};
const check = (ok, what) => { if (!ok) fail(what); };

function watch(page, where) {
  page.on('pageerror', (err) => fail(`${where}: page error ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|EvalError/.test(msg.text())) fail(`${where}: ${msg.text()}`);
  });
}

async function countViolations(page) {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective));
  });
}

// The state of the tab list of figure `figureId`: tabs, selection, panel visibility.
function tabState(page, figureId) {
  return page.evaluate((id) => {
    const fig = document.getElementById(id);
    const list = fig.querySelector('[role="tablist"]');
    const tabs = list ? [...list.querySelectorAll('[role="tab"]')] : [];
    return {
      lists: fig.querySelectorAll('[role="tablist"]').length,
      names: tabs.map((t) => t.textContent),
      selected: tabs.map((t) => t.getAttribute('aria-selected')),
      tabindex: tabs.map((t) => t.tabIndex),
      controls: tabs.map((t) => {
        const panel = document.getElementById(t.getAttribute('aria-controls'));
        return panel && panel.getAttribute('role') === 'tabpanel' && panel.getAttribute('aria-labelledby') === t.id;
      }),
      shown: tabs.map((t) => {
        const panel = document.getElementById(t.getAttribute('aria-controls'));
        return !!panel && panel.getBoundingClientRect().height > 0;
      }),
      focus: tabs.indexOf(document.activeElement),
      inPanel: !!document.activeElement.closest('[role="tabpanel"]'),
      summaryShown: fig.querySelector('figcaption.chart-summary').getBoundingClientRect().height > 0,
    };
  }, figureId);
}

const one = (i) => [0, 1, 2].map((k) => k === i);

async function keyboardTabs(page, figureId) {
  let s = await tabState(page, figureId);
  check(s.lists === 1, `${figureId}: ${s.lists} tab lists`);
  check(s.names.join('|') === 'Grafiek|Tabel|Toelichting', `${figureId}: tabs ${s.names.join('|')}`);
  check(s.selected.join() === 'true,false,false', `${figureId}: selected at start ${s.selected}`);
  check(s.tabindex.join() === '0,-1,-1', `${figureId}: roving tabindex at start ${s.tabindex}`);
  check(s.controls.every(Boolean), `${figureId}: a tab without its labelled tabpanel`);
  check(s.shown.join() === one(0).join(), `${figureId}: panels shown at start ${s.shown}`);
  check(s.summaryShown, `${figureId}: summary sentence not shown`);

  // Tab from the top of the page reaches the selected tab, never another tab of the list.
  await page.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); });
  let reached = false;
  for (let i = 0; i < 400 && !reached; i++) {
    await page.keyboard.press('Tab');
    s = await tabState(page, figureId);
    if (s.focus > 0) fail(`${figureId}: Tab reached unselected tab ${s.focus}`);
    reached = s.focus === 0;
  }
  check(reached, `${figureId}: Tab never reached the selected tab`);
  const steps = [['ArrowRight', 1], ['ArrowRight', 2], ['ArrowRight', 0], ['ArrowLeft', 2], ['Home', 0], ['End', 2],
    ['ArrowLeft', 1]];
  for (const [key, want] of steps) {
    await page.keyboard.press(key);
    s = await tabState(page, figureId);
    const sel = one(want).join();
    check(s.focus === want, `${figureId}: after ${key} focus on tab ${s.focus}, expected ${want}`);
    check(s.selected.join() === sel, `${figureId}: after ${key} aria-selected ${s.selected}`);
    check(s.shown.join() === sel, `${figureId}: after ${key} panels shown ${s.shown}`);
    check(s.tabindex.join() === one(want).map((on) => (on ? 0 : -1)).join(), `${figureId}: after ${key} tabindex ${s.tabindex}`);
    check(s.summaryShown, `${figureId}: after ${key} the summary sentence is hidden`);
  }
  await page.keyboard.press('Tab');
  s = await tabState(page, figureId);
  check(s.focus === -1 && s.inPanel, `${figureId}: Tab from the tab list did not move into the panel`);
  console.log(`keyboard ${figureId}: tabs ${s.names.join(', ')}; arrows, Home and End checked`);
}

async function chartWidth(page, figureId) {
  const fig = page.locator(`#${figureId}`);
  await fig.locator('[role="tab"]', {hasText: 'Grafiek'}).click();
  await fig.locator('button.chart-interactive').click();
  await page.waitForFunction((id) => document.querySelector(`#${id} .chart-view`).dataset.rendered === 'true',
    figureId, {timeout: 30000});
  const measure = () => page.evaluate((id) => {
    const view = document.querySelector(`#${id} .chart-view`);
    const svg = view.querySelector('svg');
    return {view: view.clientWidth, svg: svg ? svg.getBoundingClientRect().width : 0};
  }, figureId);
  const before = await measure();
  const tabel = fig.locator('[role="tab"]', {hasText: 'Tabel'});
  const grafiek = fig.locator('[role="tab"]', {hasText: 'Grafiek'});
  // Hidden, the window narrows: shown again, the chart fits the narrow panel.
  await tabel.click();
  await page.setViewportSize({width: 390, height: 844});
  await page.waitForTimeout(300);
  await grafiek.click();
  await page.waitForTimeout(800);
  const narrow = await measure();
  // Hidden, the window narrows and widens again (Vega hears both resizes while its
  // container is 0 wide): shown again, the chart has its full width back.
  await tabel.click();
  await page.waitForTimeout(300);
  await page.setViewportSize({width: 390, height: 844});
  await page.waitForTimeout(300);
  await page.setViewportSize({width: 1280, height: 900});
  await page.waitForTimeout(300);
  await grafiek.click();
  await page.waitForTimeout(800);
  const wide = await measure();
  check(before.svg > 300, `${figureId}: drawn chart ${before.svg}px wide at 1280`);
  check(narrow.view > 200 && narrow.view < 390, `${figureId}: chart panel ${narrow.view}px wide at 390`);
  for (const [what, m] of [['at 390', narrow], ['at 1280', wide]]) {
    check(Math.abs(m.svg - m.view) <= 24, `${figureId}: chart ${m.svg}px in a ${m.view}px panel ${what} after its tab came back`);
  }
  console.log(`width ${figureId}: ${Math.round(before.svg)}px at 1280; after Tabel and back ` +
    `${Math.round(narrow.svg)}px in a ${narrow.view}px panel at 390, ${Math.round(wide.svg)}px in ${wide.view}px at 1280`);
}

async function copyLink(page, locator, origin, expectedPath, where) {
  await locator.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (document.querySelector('.copy-status') || {}).textContent === 'Link gekopieerd',
    null, {timeout: 5000}).catch(() => fail(`${where}: live region never said "Link gekopieerd"`));
  const status = await page.evaluate(() => {
    const s = document.querySelector('.copy-status');
    return s && {role: s.getAttribute('role'), live: s.getAttribute('aria-live'), text: s.textContent};
  });
  check(status && status.role === 'status' && status.live === 'polite', `${where}: no polite status region`);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  check(copied === `${origin}/${expectedPath}`, `${where}: clipboard holds "${copied}", expected ${origin}/${expectedPath}`);
  console.log(`copy ${where}: "${status && status.text}", clipboard ${copied}`);
}

async function main() {
  const {server, origin} = await startServer(siteDir, true);
  try {
    await withBrowser(async (context) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin});
      const page = await context.newPage();
      watch(page, indicatorPage);
      await countViolations(page);
      await page.goto(`${origin}/${urlPath(indicatorPage)}`, {waitUntil: 'load'});
      const figures = await page.evaluate(() => [...document.querySelectorAll('figure.chart')].map((f) => f.id));
      check(figures.length >= 2, `${indicatorPage}: ${figures.length} chart figures`);
      await keyboardTabs(page, figures[0]);
      await keyboardTabs(page, figures[figures.length - 1]);
      for (const id of figures) {
        const s = await tabState(page, id);
        check(s.lists === 1 && s.names.length === 3, `${id}: ${s.names.length} tabs`);
      }
      await chartWidth(page, figures[0]);

      // A link to a hidden panel opens its tab.
      const last = figures[figures.length - 1];
      const table = last.replace(/^grafiek-/, 'tabel-');
      await page.locator(`#${last} [role="tab"]`, {hasText: 'Grafiek'}).click();
      await page.goto(`${origin}/${urlPath(indicatorPage)}#${table}`, {waitUntil: 'load'});
      await page.waitForTimeout(200);
      const s = await tabState(page, last);
      check(s.selected.join() === 'false,true,false' && s.shown.join() === one(1).join(), `#${table} did not open the Tabel tab (${s.selected})`);

      await copyLink(page, page.locator(`#${figures[0]} + .permalink button.copy-button`), origin,
        `${urlPath(indicatorPage)}#${figures[0]}`, `permalink of ${figures[0]}`);

      await page.emulateMedia({media: 'print'});
      const print = await page.evaluate(() => ({
        panels: [...document.querySelectorAll('.chart-panel')].filter((p) => p.getBoundingClientRect().height === 0).length,
        lists: [...document.querySelectorAll('[role="tablist"]')].filter((l) => l.getBoundingClientRect().height > 0).length,
      }));
      check(print.panels === 0, `print: ${print.panels} panels not shown`);
      check(print.lists === 0, `print: ${print.lists} tab lists shown`);
      await page.emulateMedia({media: 'screen'});
      const violations = await page.evaluate(() => window.cspViolations);
      check(violations.length === 0, `${indicatorPage}: CSP violations ${violations.join(', ')}`);

      const stories = await context.newPage();
      watch(stories, storiesPage);
      await countViolations(stories);
      await stories.goto(`${origin}/${urlPath(storiesPage)}`, {waitUntil: 'load'});
      const storyId = await stories.evaluate(() => document.querySelector('li.story[id]').id);
      await copyLink(stories, stories.locator(`#${storyId} .permalink button.copy-button`), origin,
        `${urlPath(storiesPage)}#${storyId}`, `permalink of ${storyId}`);
      const storyViolations = await stories.evaluate(() => window.cspViolations);
      check(storyViolations.length === 0, `${storiesPage}: CSP violations ${storyViolations.join(', ')}`);
    });

    await withBrowser(async (context) => {
      const page = await context.newPage();
      await page.goto(`${origin}/${urlPath(indicatorPage)}`, {waitUntil: 'load'});
      const r = await page.evaluate(() => ({
        lists: document.querySelectorAll('[role="tablist"]').length,
        figures: [...document.querySelectorAll('figure.chart')].map((f) => {
          const panels = [...f.querySelectorAll('.chart-panel')];
          return panels.map((p) => (p.getBoundingClientRect().height > 0 ? p.querySelector('.panel-title').textContent : '-')).join('|');
        }),
        buttons: [...document.querySelectorAll('.copy-button')].filter((b) => b.getBoundingClientRect().height > 0).length,
        links: [...document.querySelectorAll('.permalink a')].filter((a) => a.getBoundingClientRect().height > 0).length,
        permalinks: document.querySelectorAll('.permalink').length,
      }));
      check(r.lists === 0, `no-js: ${r.lists} tab lists`);
      r.figures.forEach((f, i) => check(f === 'Grafiek|Tabel|Toelichting', `no-js: figure ${i} shows ${f}`));
      check(r.buttons === 0, `no-js: ${r.buttons} copy buttons shown`);
      check(r.links === r.permalinks && r.links > 0, `no-js: ${r.links} of ${r.permalinks} permalinks shown`);
      console.log(`no-js: ${r.figures.length} figures with Grafiek, Tabel, Toelichting in order; ${r.links} plain permalinks`);
    }, {javaScriptEnabled: false});
  } finally {
    server.close();
  }
  console.log(`${problems} problems`);
  return problems === 0;
}

runMain(main);
