// No two texts of a chart overlap in the drawing pages show on phones: every chart spec
// of a built site (*.vl.json) drawn natively at the phone width (360 px, charts/native_svg.h
// kNarrowWidth), then each text's box computed from the SVG alone: its position, anchor
// and font size, its lines (a tspan each, 2 px apart), each line as wide as Vega's text
// width estimate (0.8 x characters x font size, vega-scenegraph estimateWidth). Rotated
// texts (axis titles) are left out. Checked for the comparison charts (vergelijking-*:
// round labels, ticks and shares) and for the axis and legend labels of every chart;
// the shares printed inside a bar segment are allowed to touch their neighbours, as a
// segment under 5 % carries no text. Prints every overlap; exits 1 when there is one.
//   node label-overlap.mjs path/to/native_svg_tool SITE_DIR [width]
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {marks} from './svg-marks.mjs';

const [tool, dir, width = '360'] = process.argv.slice(2);
const files = fs.readdirSync(dir, {recursive: true}).filter((f) => f.endsWith('.vl.json')).sort()
  .map((f) => path.join(dir, f));
if (files.length === 0) {
  console.log(`FAIL no *.vl.json under ${dir}`);
  process.exit(1);
}
const drawn = execFileSync(tool, ['--width', width, ...files], {encoding: 'utf8', maxBuffer: 1 << 28})
  .trim().split('\n').map((line) => JSON.parse(line));

const estimate = (text, size) => Math.trunc(0.8 * [...text].length * size);
function box(t) {
  const w = Math.max(...t.lines.map((l) => estimate(l, t.size)));
  const x1 = t.anchor === 'middle' ? t.x - w / 2 : t.anchor === 'end' ? t.x - w : t.x;
  const y1 = t.y - Math.round(0.8 * t.size);
  return {x1, y1, x2: x1 + w, y2: y1 + t.size + (t.lines.length - 1) * (t.size + 2)};
}
// Boxes that share more than half a pixel each way.
const overlap = (a, b) => Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0.5 &&
  Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 0.5;

let failed = 0, checked = 0, texts = 0;
for (const chart of drawn) {
  const name = path.relative(dir, chart.file);
  if (chart.error) {
    console.log(`FAIL ${name}: ${chart.error}`);
    failed++;
    continue;
  }
  const comparison = /vergelijking-/.test(path.basename(name));
  const all = marks(chart.svg).filter((m) => m.kind === 'text' && !m.rotate);
  // Outside a comparison chart: the labels left of and below the plot and the legend's
  // (the plot starts at the first axis line; texts inside it are value labels).
  const svgLeft = Math.min(...marks(chart.svg).filter((m) => m.kind === 'line').map((m) => Math.min(m.points[0][0], m.points[1][0])));
  const svgBottom = Math.max(...marks(chart.svg).filter((m) => m.kind === 'line').map((m) => Math.max(m.points[0][1], m.points[1][1])));
  const guides = comparison ? all : all.filter((t) => t.legend || t.x <= svgLeft || t.y >= svgBottom);
  const boxes = guides.map((t) => ({t, b: box(t)}));
  texts += boxes.length;
  const problems = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (overlap(boxes[i].b, boxes[j].b)) problems.push(`"${boxes[i].t.lines.join(' / ')}" and "${boxes[j].t.lines.join(' / ')}"`);
    }
  }
  checked++;
  if (problems.length) {
    failed++;
    console.log(`FAIL ${name}: ${problems.length} overlapping labels at ${width} px: ${problems.slice(0, 5).join('; ')}`);
  }
}
console.log(`${checked} charts at ${width} px, ${texts} labels, ${failed} with overlapping labels`);
process.exit(failed ? 1 : 0);
