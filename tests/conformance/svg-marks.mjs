// The marks of an SVG as a flat list in page coordinates: every line, path, text and
// link with its absolute position, colours and text. Used to compare the SVG duiding
// draws natively with the one Vega draws from the same spec. Reads only the SVG subset
// both write (translate/rotate transforms, M/L/H/V/A/Z path commands).

const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
  .replace(/&#39;/g, "'").replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function attributes(text) {
  const out = {};
  for (const m of text.matchAll(/([\w:-]+)="([^"]*)"/g)) out[m[1]] = unescape(m[2]);
  return out;
}

function translation(transform) {
  let x = 0, y = 0, rotate = 0;
  if (!transform) return {x, y, rotate};
  const t = transform.match(/translate\(\s*([-\d.e]+)[ ,]+([-\d.e]+)\s*\)/);
  if (t) { x = Number(t[1]); y = Number(t[2]); }
  const r = transform.match(/rotate\(\s*([-\d.e]+)/);
  if (r) rotate = Number(r[1]);
  return {x, y, rotate};
}

// The absolute points a path's d visits (enough to compare shapes within a tolerance).
function pathPoints(d, ox, oy) {
  const points = [];
  let x = 0, y = 0, sx = 0, sy = 0;
  const tokens = d.match(/[MmLlHhVvAaZzCcQq]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) || [];
  let i = 0, cmd = '';
  const num = () => Number(tokens[i++]);
  while (i < tokens.length) {
    if (/[A-Za-z]/.test(tokens[i])) cmd = tokens[i++];
    switch (cmd) {
      case 'M': x = num(); y = num(); sx = x; sy = y; cmd = 'L'; break;
      case 'm': x += num(); y += num(); sx = x; sy = y; cmd = 'l'; break;
      case 'L': x = num(); y = num(); break;
      case 'l': x += num(); y += num(); break;
      case 'H': x = num(); break;
      case 'h': x += num(); break;
      case 'V': y = num(); break;
      case 'v': y += num(); break;
      case 'A': i += 5; x = num(); y = num(); break;
      case 'a': i += 5; x += num(); y += num(); break;
      case 'Z': case 'z': x = sx; y = sy; continue;
      default: throw new Error(`path command ${cmd} not read: ${d}`);
    }
    points.push([+(x + ox).toFixed(3), +(y + oy).toFixed(3)]);
  }
  return points;
}

/// The marks of `svg`. Skips what draws nothing: Vega's background and foreground paths
/// of groups, empty texts and paths, and the white page rectangle.
export function marks(svg) {
  const out = [];
  const stack = [{x: 0, y: 0, href: null, legend: false}];
  const re = /<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g;
  let open = null;  // the text element being read
  for (const m of svg.matchAll(re)) {
    if (m[5] !== undefined) {
      if (open) {
        open.text += unescape(m[5]);
        open.lines[open.lines.length - 1] += unescape(m[5]);
      }
      continue;
    }
    const [, closing, tag, rest, selfClosing] = m;
    const top = stack[stack.length - 1];
    if (closing) {
      if (tag === 'text' && open) { if (open.text !== '') out.push(open); open = null; }
      if (tag === 'g' || tag === 'a' || tag === 'svg') stack.pop();
      continue;
    }
    const a = attributes(rest);
    const t = translation(a.transform);
    const x = top.x + t.x, y = top.y + t.y;
    if (tag === 'g' || tag === 'svg' || tag === 'a') {
      if (!selfClosing) {
        stack.push({x, y, href: tag === 'a' ? (a.href ?? a['xlink:href']) : top.href,
          legend: top.legend || /\blegend\b|role-legend/.test(a.class ?? '')});
      }
      continue;
    }
    if (a.opacity === '0') continue;  // drawn invisible (Vega hides overlapping labels so)
    const paint = (v) => (v === undefined || v === 'none' ? null : v);
    const common = {fill: paint(a.fill), stroke: paint(a.stroke), href: top.href, legend: top.legend};
    if (tag === 'tspan') {
      // A text of several lines: a tspan per line.
      if (open && open.tspans++ > 0) open.lines.push('');
      continue;
    }
    if (tag === 'text') {
      open = {kind: 'text', x: +x.toFixed(3), y: +y.toFixed(3), rotate: t.rotate, anchor: a['text-anchor'] ?? 'start',
        ...common, text: '', lines: [''], tspans: 0, size: parseFloat(a['font-size'] ?? '11')};
      if (selfClosing) open = null;
    } else if (tag === 'line') {
      out.push({kind: 'line', points: [[x + Number(a.x1 ?? 0), y + Number(a.y1 ?? 0)], [x + Number(a.x2 ?? 0), y + Number(a.y2 ?? 0)]], ...common});
    } else if (tag === 'path') {
      if (!a.d || /\bbackground\b|\bforeground\b/.test(a.class ?? '')) continue;
      out.push({kind: 'path', points: pathPoints(a.d, x, y), ...common});
    } else if (tag === 'rect') {
      if (a.fill === 'white' && !a.x && !a.y) continue;
      const rx = x + Number(a.x ?? 0), ry = y + Number(a.y ?? 0), w = Number(a.width), h = Number(a.height);
      out.push({kind: 'path', points: [[rx, ry], [rx + w, ry], [rx + w, ry + h], [rx, ry + h], [rx, ry]], ...common});
    }
  }
  return out;
}
