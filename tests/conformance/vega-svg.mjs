// The SVG Vega draws for a Vega-Lite spec, as the build drew it before charts were drawn
// natively: "width": "container" becomes 720 px with fit-x autosize (everything inside),
// no canvas, so text widths are Vega's estimate.
import * as vega from 'vega';
import * as vl from 'vega-lite';

const quiet = {
  level() { return quiet; }, warn() { return quiet; }, info() { return quiet; }, debug() { return quiet; },
  error(...args) { throw new Error(args.join(' ')); },
};

export async function vegaSvg(spec) {
  const fixed = {...spec};
  delete fixed.$schema;
  if (fixed.width === 'container') {
    fixed.width = 720;
    fixed.autosize = {type: 'fit-x', contains: 'padding'};
  }
  const view = new vega.View(vega.parse(vl.compile(fixed, {logger: quiet}).spec), {renderer: 'none'});
  view.logger(quiet);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
