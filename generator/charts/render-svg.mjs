// Renders Vega-Lite specs to static SVG with the vega and vega-lite npm packages, for the
// charts that must be there without JavaScript and on paper.
//
// The generator starts this script once per build (`node render-svg.mjs`) and talks to it
// over stdin/stdout, one JSON object per line each way:
//   first, from here:   {"ready": true, "vega": "6.4.0", "vega-lite": "6.4.3"}
//                   or  {"error": "cannot load vega or vega-lite: ...; run scripts/setup.sh"}
//   then, per chart in: {"spec": { Vega-Lite spec }}
//                  out: {"svg": "<svg ...>...</svg>"}  or  {"error": "..."}
// Requests are answered in order, one at a time; nothing is kept between them except
// Vega's own counters (clip-path ids), so the output depends only on the specs and their
// order. Vega renders without a canvas ('none' renderer): text widths are estimated, not
// measured, which also keeps the output the same on every machine.
//
// `render(spec)` is exported for scripts/bench-svg.mjs.

import {createInterface} from 'node:readline';
import {pathToFileURL} from 'node:url';

/// Width in CSS pixels of a chart whose spec says "width": "container" (the browser would
/// use the element's width). The page scales the SVG down to narrower screens.
export const STATIC_WIDTH = 720;

// vega-lite warns it drops "fit-y" for every "width": "container" chart with a discrete y
// axis, though only fit-x was asked for (see tests/browser/validate-specs.mjs).
const SPURIOUS_WARNING = 'Dropping "fit-y" because spec has discrete height.';

let vega;
let vl;

/// Loads the packages; throws with a message naming scripts/setup.sh when they are missing.
export async function load() {
  try {
    vega = await import('vega');
    vl = await import('vega-lite');
  } catch (err) {
    throw new Error(`cannot load the npm packages vega and vega-lite (${err.code || err.message}); ` +
      'run scripts/setup.sh (it runs npm ci)');
  }
  return {vega: vega.version, 'vega-lite': vl.version};
}

// Warnings go to stderr, never to stdout (the answer channel); errors throw.
const logger = {
  level() { return logger; },
  warn(...args) {
    const text = args.join(' ');
    if (text !== SPURIOUS_WARNING) process.stderr.write(`render-svg: warning: ${text}\n`);
    return logger;
  },
  info() { return logger; },
  debug() { return logger; },
  error(...args) { throw new Error(args.join(' ')); },
};

/// The SVG text of one Vega-Lite spec, as Vega's SVG renderer writes it.
export async function render(spec) {
  const fixed = {...spec};
  if (fixed.width === 'container') {
    // As in the browser: the whole chart, axes and legend included, fits the width.
    fixed.width = STATIC_WIDTH;
    fixed.autosize = {type: 'fit-x', contains: 'padding'};
  }
  const compiled = vl.compile(fixed, {logger}).spec;
  const view = new vega.View(vega.parse(compiled), {renderer: 'none', logLevel: vega.Warn});
  view.logger(logger);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

async function serve() {
  const say = (answer) => process.stdout.write(JSON.stringify(answer) + '\n');
  try {
    say({ready: true, ...(await load())});
  } catch (err) {
    say({error: err.message});
    process.exitCode = 2;
    return;
  }
  const lines = createInterface({input: process.stdin, crlfDelay: Infinity});
  // for await handles one line at a time, so answers come back in request order.
  for await (const line of lines) {
    if (line.trim() === '') continue;
    try {
      say({svg: await render(JSON.parse(line).spec)});
    } catch (err) {
      say({error: String(err.message || err).split('\n')[0]});
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await serve();
