// Opens every page of a generated site in Chromium and checks that its charts render.
//
//   node tests/browser/render-pages.mjs <site-dir> [--csp]
//   node tests/browser/render-pages.mjs <site-dir> [--csp] --screenshot <page-path> <png> [width]
//
// Serves <site-dir> on 127.0.0.1 (with the site's Content-Security-Policy header under
// --csp), opens every *.html page and waits until every .chart-view has data-rendered
// (set by assets/duiding.js). A page fails on: an SVG chart missing for a .chart-view,
// data-rendered="error", a console error, a Vega warning, an uncaught exception, an
// EvalError (eval or Function() blocked by the CSP), a request to any other host
// (aborted), a failed local request, a securitypolicyviolation event, or a chart wider
// than its container after the window is narrowed. Each .chart-view starts with the
// static SVG the generator wrote (svg.chart-static); a chart counts as drawn only when
// vega-embed has replaced it by its own (svg.marks). Then opens one page with
// charts through file://, since the site must also work from disk.
// Prints "ok  path (K charts)" or "FAIL path: reason" and a summary; exit 1 on any failure.

import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {CSP, WIDE, drawCharts, findPages, siteArgument, startServer, urlPath, withBrowser, runMain} from './site-server.mjs';

const RENDER_TIMEOUT_MS = 20000;
const NARROW_WIDTH = 480;
// The root <svg> that Vega's SVG renderer puts in the .chart-view (the static SVG the
// generator writes there has class "chart-static" instead).
const CHART_SVG = '.chart-view svg.marks';

// vega-lite warns it drops "fit-y" for every "width": "container" chart with a discrete y
// axis (horizontal bars), though only fit-x was asked for and nothing changes; see
// validate-specs.mjs. (A spec with "height": "container" is caught by validate-specs.)
function isSpuriousWarning(text) {
  return text === 'WARN Dropping "fit-y" because spec has discrete height.';
}

// Runs in every page before its own scripts (Playwright injects it past the CSP).
function recordCspViolations() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}` +
      (e.sourceFile ? ` in ${e.sourceFile}:${e.lineNumber}` : ''));
  });
}

// Opens one page and returns {charts, problems}. `isAllowed(url)` says which requests may go out.
async function checkPage(context, url, isAllowed, {checkResize = true} = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    const text = msg.text().split('\n')[0]; // the first line; stack traces follow
    if (msg.type() === 'error') problems.push(`console error: ${text}`);
    // Vega catches the EvalError of a blocked Function() and logs it.
    else if (/EvalError|unsafe-eval/.test(text)) problems.push(`EvalError: ${text}`);
    // Vega logs some failures only as warnings ("WARN Loading failed ...", "WARN Infinite
    // extent ..." for an empty chart), through vega-embed's logger, which prefixes "WARN".
    if (msg.type() === 'warning' && text.startsWith('WARN ') && !isSpuriousWarning(text)) {
      problems.push(`console warning: ${text}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`${err.name === 'EvalError' ? 'EvalError' : 'uncaught ' + err.name}: ` +
    err.message.split('\n')[0]));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  await page.route('**/*', (route) => {
    const target = route.request().url();
    if (isAllowed(target)) return route.continue();
    problems.push(`request to outside host blocked: ${target}`);
    return route.abort('blockedbyclient');
  });

  let charts = 0;
  let drawn = 0;
  try {
    await page.setViewportSize(WIDE);
    await page.goto(url, {waitUntil: 'load'});
    try {
      // The first view is the static SVG: no vega until a reader asks for a chart.
      const early = await page.evaluate(() => performance.getEntriesByType('resource')
        .map((e) => e.name).filter((name) => /vendor\/vega/.test(name)));
      for (const name of early) problems.push(`${name} loaded before any chart was asked for`);
      await drawCharts(page, RENDER_TIMEOUT_MS);
    } catch {
      const [done, all] = await page.evaluate(() => {
        const views = [...document.querySelectorAll('.chart-view')];
        return [views.filter((el) => el.dataset.rendered).length, views.length];
      });
      problems.push(`timed out after ${RENDER_TIMEOUT_MS / 1000} s: data-rendered set on ` +
        `${done} of ${all} .chart-view elements`);
    }
    const state = await page.evaluate((selector) => ({
      views: document.querySelectorAll('.chart-view').length,
      svgs: document.querySelectorAll(selector).length,
      errors: [...document.querySelectorAll('.chart-view[data-rendered="error"]')]
        .map((el) => el.dataset.spec),
      violations: window.__cspViolations || [],
    }), CHART_SVG);
    charts = state.views;
    drawn = state.svgs;
    if (state.svgs !== state.views) {
      problems.push(`${state.svgs} rendered charts (${CHART_SVG}) for ${state.views} .chart-view elements`);
    }
    for (const id of state.errors) problems.push(`chart "${id}" has data-rendered="error"`);
    for (const v of state.violations) problems.push(`CSP violation: ${v}`);

    // "width": "container": after narrowing the window every chart must fit its element.
    if (checkResize && state.svgs > 0) {
      await page.setViewportSize({width: NARROW_WIDTH, height: WIDE.height});
      const fits = () => [...document.querySelectorAll('.chart-view')].every((el) => {
        const svg = el.querySelector('svg.marks');
        return !svg || svg.getBoundingClientRect().width <= el.clientWidth + 1;
      });
      try {
        await page.waitForFunction(fits, null, {timeout: 3000, polling: 100});
      } catch {
        const sizes = await page.evaluate(() => [...document.querySelectorAll('.chart-view')]
          .map((el) => `${el.dataset.spec} ${Math.round(el.querySelector('svg.marks')
            ?.getBoundingClientRect().width)}px in ${el.clientWidth}px`));
        problems.push(`charts do not follow the container width at ${NARROW_WIDTH}px: ${sizes.join(', ')}`);
      }
    }
  } catch (err) {
    problems.push(`could not load: ${err.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  return {charts, drawn, problems};
}

// One Chromium context for the whole run, recording CSP violations in every page.
function withRecordingBrowser(fn) {
  return withBrowser(async (context) => {
    await context.addInitScript(recordCspViolations);
    return fn(context);
  });
}

async function screenshot(siteDir, withCsp, pagePath, png, width) {
  const {server, origin} = await startServer(siteDir, withCsp);
  try {
    await withRecordingBrowser(async (context) => {
      const page = await context.newPage();
      await page.route('**/*', (r) => (r.request().url().startsWith(origin + '/') ? r.continue() : r.abort()));
      await page.setViewportSize({width, height: WIDE.height});
      await page.goto(`${origin}/${urlPath(pagePath)}`);
      await drawCharts(page, RENDER_TIMEOUT_MS).catch(() => console.log('charts not all rendered'));
      await page.screenshot({path: png, fullPage: true});
      console.log(`screenshot of ${pagePath} at ${width}px written to ${png}`);
    });
  } finally {
    server.close();
  }
}

async function checkSite(siteDir, withCsp) {
  const pages = findPages(siteDir);
  let charts = 0;
  let drawn = 0;
  let failures = 0;
  const report = (label, result) => {
    if (result.problems.length === 0) {
      console.log(`ok  ${label} (${result.drawn} of ${result.charts} charts drawn)`);
    } else {
      failures++;
      for (const p of result.problems) console.log(`FAIL ${label}: ${p}`);
    }
  };

  const {server, origin} = await startServer(siteDir, withCsp);
  try {
    await withRecordingBrowser(async (context) => {
      const local = (url) => url.startsWith(origin + '/');
      let withCharts;
      for (const rel of pages) {
        const result = await checkPage(context, `${origin}/${urlPath(rel)}`, local);
        charts += result.charts;
        drawn += result.drawn;
        if (!withCharts && result.charts > 0) withCharts = rel;
        report(rel, result);
      }
      // The site must also work from disk. No CSP header there (a <meta> one still applies).
      if (withCharts) {
        const fileUrl = pathToFileURL(path.join(siteDir, withCharts)).href;
        const result = await checkPage(context, fileUrl, (url) => url.startsWith('file:'),
          {checkResize: false});
        report(`${withCharts} [file://]`, result);
      }
    });
  } finally {
    server.close();
  }
  if (pages.length === 0) {
    console.log(`FAIL ${siteDir}: no *.html pages found`);
    failures++;
  } else if (charts === 0) {
    // A site without a single chart means the generator dropped them.
    console.log(`FAIL ${siteDir}: no .chart-view on any page`);
    failures++;
  }
  console.log(`checked ${pages.length} pages, ${charts} charts, ${drawn} drawn by vega-embed, ${failures} failures`);
  return failures === 0;
}

async function main() {
  const args = process.argv.slice(2);
  const withCsp = args.includes('--csp');
  const rest = args.filter((a) => a !== '--csp');
  const shot = rest.indexOf('--screenshot');
  const usage = 'usage: node tests/browser/render-pages.mjs <site-dir> [--csp] ' +
    '[--screenshot <page-path> <png> [width]]';
  const siteDir = siteArgument(rest[0], usage);
  if (shot !== -1 && rest.length < shot + 3) siteArgument(undefined, usage);
  if (withCsp) console.log(`serving with Content-Security-Policy: ${CSP}`);
  if (shot !== -1) {
    const width = Number(rest[shot + 3] || WIDE.width);
    await screenshot(siteDir, withCsp, rest[shot + 1], path.resolve(rest[shot + 2]), width);
    return true;
  }
  return checkSite(siteDir, withCsp);
}

runMain(main);
