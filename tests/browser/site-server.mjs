// What the browser tests share: the site's Content-Security-Policy, a minimal static
// server for a generated site, the list of its pages, and Debian's Chromium started the
// way it works on these machines.

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {chromium} from 'playwright-core';

/// The policy a municipal web server may send; the site must work under it. The same
/// policy is in site-templates/layout.html (a <meta> element) and in publish/.
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; " +
  "img-src 'self' data:; object-src 'none'";

const CHROMIUM = '/usr/bin/chromium';
// Without the networking flags Chromium keeps calling outside hosts, unreachable here.
// Playwright adds --headless itself (headless: true).
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];
export const WIDE = {width: 1280, height: 900};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/// Every *.html file under `dir`, relative to it, sorted.
export function findPages(dir) {
  const found = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, {withFileTypes: true})) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.html')) found.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return found.sort();
}

/// The URL path of page `rel` (as findPages gives it; a query after `?` is kept as it is).
export function urlPath(rel) {
  const [file, query] = rel.split('?');
  return file.split(path.sep).map(encodeURIComponent).join('/') + (query === undefined ? '' : `?${query}`);
}

/// A minimal static server on 127.0.0.1: URL paths map to files under root, "/" and
/// "dir/" to index.html; with `withCsp` every answer carries the CSP header.
/// Resolves to {server, origin}.
export function startServer(root, withCsp) {
  const server = http.createServer((req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      const headers = {'Content-Type': type, 'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff'};
      if (withCsp) headers['Content-Security-Policy'] = CSP;
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return send(400, 'bad request');
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, rel);
    if (!file.startsWith(root + path.sep)) return send(403, 'forbidden');
    fs.readFile(file, (err, body) => {
      if (err) return send(404, 'not found');
      send(200, body, TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({server, origin: `http://127.0.0.1:${server.address().port}`});
    });
  });
}

/// Runs `fn(context)` with one Chromium context on a fresh profile (removed afterwards).
/// `options` go to Playwright's launchPersistentContext (e.g. {javaScriptEnabled: false}).
export async function withBrowser(fn, options = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'duiding-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport: WIDE, ...options,
  });
  try {
    return await fn(context);
  } finally {
    await context.close();
    fs.rmSync(profile, {recursive: true, force: true});
  }
}

/// The site directory named on the command line (resolved), or exit 2 with `usage`.
export function siteArgument(arg, usage) {
  if (!arg || arg.startsWith('--') || !fs.statSync(arg, {throwIfNoEntry: false})?.isDirectory()) {
    console.error(usage);
    process.exit(2);
  }
  return fs.realpathSync(arg);
}

/// Presses every "Interactieve grafiek" button on the page (duiding.js loads vega on the
/// first press) and waits until every .chart-view has data-rendered. Rejects on timeout.
export async function drawCharts(page, timeout) {
  await page.waitForFunction(() => document.readyState !== 'loading');
  const buttons = page.locator('button.chart-interactive');
  const n = await buttons.count();
  for (let i = 0; i < n; i++) await buttons.nth(0).click();  // each press removes its button
  await page.waitForFunction(
    () => [...document.querySelectorAll('.chart-view')].every((el) => el.dataset.rendered),
    null, {timeout, polling: 100});
}

/** Runs a check script's `main`, which resolves to whether every check passed: the
 *  process exits 0 if so, 1 if not or if `main` throws (the error is printed). */
export function runMain(main) {
  main().then((passed) => process.exit(passed ? 0 : 1), (err) => {
    console.error(err);
    process.exit(1);
  });
}
