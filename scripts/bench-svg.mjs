// Measures what static SVG costs per chart: every Vega-Lite spec of a built site rendered
// by generator/charts/render-svg.mjs in one warm node process, against one process per
// chart (the cost the build avoids). Not a test; see docs/benchmarks.md.
//
//   node scripts/bench-svg.mjs <site-dir> [rounds]
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {load, render} from '../generator/charts/render-svg.mjs';

const script = fileURLToPath(new URL('../generator/charts/render-svg.mjs', import.meta.url));
const [siteDir, roundsArg] = process.argv.slice(2);
if (!siteDir) {
  console.error('usage: node scripts/bench-svg.mjs <site-dir> [rounds]');
  process.exit(2);
}
const rounds = Number(roundsArg || 5);
const specs = [];
const walk = (d) => {
  for (const e of fs.readdirSync(d, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(d, e.name);
    if (e.isDirectory()) walk(full);
    else if (e.name.endsWith('.vl.json')) specs.push(JSON.parse(fs.readFileSync(full, 'utf8')));
  }
};
walk(siteDir);
if (specs.length === 0) throw new Error(`no *.vl.json under ${siteDir}`);

let t = performance.now();
const versions = await load();
const loadMs = performance.now() - t;
t = performance.now();
await render(specs[0]);
const firstMs = performance.now() - t;
const perChart = [];
for (let r = 0; r < rounds; r++) {
  for (const spec of specs) {
    t = performance.now();
    await render(spec);
    perChart.push(performance.now() - t);
  }
}
perChart.sort((a, b) => a - b);
const mean = perChart.reduce((a, b) => a + b, 0) / perChart.length;
const at = (q) => perChart[Math.min(perChart.length - 1, Math.floor(q * perChart.length))];

// One process per chart, for three charts: start node, load the packages, draw, exit.
const cold = [];
for (const spec of specs.slice(0, 3)) {
  t = performance.now();
  execFileSync('node', [script], {input: JSON.stringify({spec}) + '\n'});
  cold.push(performance.now() - t);
}

const f = (x) => x.toFixed(1);
console.log(`vega ${versions.vega}, vega-lite ${versions['vega-lite']}, node ${process.version}`);
console.log(`${specs.length} specs from ${siteDir}, ${rounds} rounds in one process`);
console.log(`loading vega + vega-lite: ${f(loadMs)} ms; first chart: ${f(firstMs)} ms`);
console.log(`warm, per chart: mean ${f(mean)} ms, median ${f(at(0.5))} ms, p90 ${f(at(0.9))} ms, max ${f(perChart.at(-1))} ms`);
console.log(`one process per chart: ${cold.map(f).join(', ')} ms`);
