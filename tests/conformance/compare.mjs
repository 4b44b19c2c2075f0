// Conformance of duiding's native chart SVG with Vega's: for every spec in a directory
// (tests/golden), the marks both draw must be the same (kind, fill, stroke, link, text)
// at positions within 1 px. Prints one line per chart with what differs; exits 1 when
// any chart differs.
//   node compare.mjs path/to/native_svg_tool tests/golden [--write DIR]
// With --write, both SVGs of every chart are written to DIR (for looking at them).
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {marks} from './svg-marks.mjs';
import {vegaSvg} from './vega-svg.mjs';

const [tool, dir, flag, out] = process.argv.slice(2);
const TOLERANCE = 1;
// The legend of a size encoding (the scatter of aspects): Vega places its entries by a
// column layout duiding approximates; its symbols and labels may be 2 px off. Reported.
const SIZE_LEGEND_TOLERANCE = 2;
const files = fs.readdirSync(dir, {recursive: true}).filter((f) => f.endsWith('.vl.json')).sort()
  .map((f) => path.join(dir, f));
const native = new Map(execFileSync(tool, files, {encoding: 'utf8', maxBuffer: 1 << 28})
  .trim().split('\n').map((line) => JSON.parse(line)).map((r) => [r.file, r]));

const same = (a, b) => a.kind === b.kind && a.fill === b.fill && a.stroke === b.stroke && a.href === b.href &&
  (a.text ?? '') === (b.text ?? '');
function distance(a, b) {
  if (a.kind === 'text') return Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y), a.anchor === b.anchor ? 0 : Infinity);
  if (a.points.length !== b.points.length) return Infinity;
  if (a.kind === 'line') {  // a line is the same line drawn either way
    const d = (p, q) => Math.max(Math.abs(p[0] - q[0]), Math.abs(p[1] - q[1]));
    return Math.min(Math.max(d(a.points[0], b.points[0]), d(a.points[1], b.points[1])),
      Math.max(d(a.points[0], b.points[1]), d(a.points[1], b.points[0])));
  }
  return Math.max(...a.points.map((p, i) => Math.max(Math.abs(p[0] - b.points[i][0]), Math.abs(p[1] - b.points[i][1]))));
}
const describe = (m) => `${m.kind} ${m.text ?? ''} fill=${m.fill} stroke=${m.stroke}${m.href ? ' link' : ''} at ` +
  (m.kind === 'text' ? `${m.x},${m.y}` : m.points.slice(0, 2).map((p) => p.map((v) => +v.toFixed(2)).join(',')).join(' '));

let failed = 0;
for (const file of files) {
  const name = path.relative(dir, file).replace(/\.vl\.json$/, '');
  const n = native.get(file);
  if (n.error) {
    console.log(`FAIL ${name}: native drawing failed: ${n.error}`);
    failed++;
    continue;
  }
  const v = await vegaSvg(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (flag === '--write') {
    fs.mkdirSync(out, {recursive: true});
    const base = name.replaceAll('/', '_');
    fs.writeFileSync(path.join(out, `${base}.native.svg`), n.svg);
    fs.writeFileSync(path.join(out, `${base}.vega.svg`), v);
  }
  const size = (s) => s.match(/<svg[^>]*width="([\d.]+)" height="([\d.]+)"/).slice(1).map(Number);
  const problems = [];
  const [vw, vh] = size(v), [nw, nh] = size(n.svg);
  if (Math.abs(vw - nw) > TOLERANCE || Math.abs(vh - nh) > TOLERANCE) problems.push(`size ${nw}x${nh}, vega ${vw}x${vh}`);
  const left = marks(n.svg);
  const sizeLegend = /"size":\s*\{[^}]*"field"/.test(fs.readFileSync(file, 'utf8'));
  let worst = 0, loose = 0;
  for (const m of marks(v)) {
    const tolerance = sizeLegend && m.legend ? SIZE_LEGEND_TOLERANCE : TOLERANCE;
    let best = -1, bestD = Infinity;
    left.forEach((c, i) => {
      if (!same(m, c)) return;
      const d = distance(m, c);
      if (d < bestD) { bestD = d; best = i; }
    });
    if (best < 0 || bestD > tolerance) {
      problems.push(`vega ${describe(m)}` + (best >= 0 ? ` (nearest native ${describe(left[best])}, ${bestD.toFixed(2)} px off)` : ' (none native)'));
    }
    if (best >= 0 && bestD > TOLERANCE && bestD <= tolerance) loose++;
    else if (best >= 0) worst = Math.max(worst, bestD);
    if (best >= 0) left.splice(best, 1);
  }
  for (const m of left) problems.push(`native only: ${describe(m)}`);
  if (problems.length) {
    failed++;
    console.log(`FAIL ${name}: ${problems.length} differences`);
    for (const p of problems.slice(0, 12)) console.log(`  ${p}`);
  } else {
    console.log(`ok   ${name}: ${marks(v).length} marks, largest offset ${worst.toFixed(2)} px` +
      (loose ? `; ${loose} size-legend marks between ${TOLERANCE} and ${SIZE_LEGEND_TOLERANCE} px` : ''));
  }
}
console.log(`${files.length - failed} of ${files.length} charts conform`);
process.exitCode = failed ? 1 : 0;
