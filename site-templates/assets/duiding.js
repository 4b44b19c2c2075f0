/*
 * duiding.js: draws the Vega-Lite charts of a generated page when a reader asks for them.
 *
 * Markup (written by the generator):
 *   <div class="chart-view" data-spec="spec-X"><svg class="chart-static" role="img" ...></div>
 *   <script type="application/json" id="spec-X">{ Vega-Lite spec }</script>
 *
 * The static SVG (drawn at build time) is what every reader sees first, and what readers
 * without JavaScript and printers get. This script only adds, after each chart, a button
 * "Interactieve grafiek"; the first press loads vega, vega-lite and vega-embed from
 * assets/vendor/ (some 280 KB gzipped, so a page's first view loads none of it) and draws
 * that chart with tooltips in place of the static one. vega-embed empties the element
 * before it draws; if drawing fails, the static SVG is put back.
 *
 * A plain script, not an ES module, so pages also work from file://. The vendor scripts
 * are loaded as <script src> elements from the same site, which script-src 'self' allows.
 *
 * It must run under the site's CSP (script-src 'self'; style-src 'self'): no eval or
 * Function(), no injected <style> elements. See the options below.
 * Sets data-rendered="true" or "error" on a .chart-view once it is drawn (the browser
 * tests press the buttons and wait for it).
 */
(function () {
  'use strict';

  var FAILED_TEXT = 'Grafiek kon niet worden getekend; de tabel hieronder bevat dezelfde cijfers.';

  // d3-format locale: 1.234,5 and € 1.234.
  var NL_NUMBERS = {decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', '']};

  // d3-time-format locale, so axis labels read "mrt 2024" rather than "Mar 2024".
  var NL_TIME = {
    dateTime: '%a %e %B %Y %X',
    date: '%d-%m-%Y',
    time: '%H:%M:%S',
    periods: ['AM', 'PM'],
    days: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
    shortDays: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
    months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
      'september', 'oktober', 'november', 'december'],
    shortMonths: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec']
  };

  var EMBED_OPTIONS = {
    // SVG: Vega's aria labels only work with the SVG renderer, and it prints sharply.
    renderer: 'svg',
    // No actions menu: "Open in Vega Editor" would send the spec to an outside site.
    actions: false,
    // vega-embed would inject a <style> element, which style-src 'self' blocks;
    // the rules we need are in assets/vega-embed.css.
    defaultStyle: false,
    // Vega compiles expressions with Function(), which script-src 'self' blocks.
    // ast: true makes vega-embed run them through vega-interpreter instead. vega-embed 7
    // bundles the interpreter and uses it by itself, so no `expr` option is needed.
    ast: true,
    // vega-tooltip would inject a <style> element too: same CSS file.
    tooltip: {disableDefaultStyle: true},
    // Vega's ARIA stays on (the SVG is labelled with the spec's Dutch description). Its
    // {aria: false} config leaves mark groups with role="graphics-symbol" and no label,
    // which axe reports as svg-img-alt.
    // Note: Vega keeps these two as global settings; every chart uses the same ones.
    formatLocale: NL_NUMBERS,
    timeFormatLocale: NL_TIME
  };

  function showFailure(el, err, fallback) {
    console.error('duiding: grafiek "' + el.dataset.spec + '" kon niet worden getekend:', err);
    var message = document.createElement('p');
    message.className = 'chart-error';
    message.textContent = FAILED_TEXT;
    el.textContent = '';
    el.appendChild(message);
    // Put back whatever static fallback the generator wrote (vega-embed empties the element).
    fallback.forEach(function (node) { el.appendChild(node); });
    el.dataset.rendered = 'error';
  }

  function readSpec(el) {
    var id = el.dataset.spec;
    var source = document.getElementById(id);
    if (!source) throw new Error('geen element met id "' + id + '"');
    return JSON.parse(source.textContent);
  }

  async function draw(el) {
    var fallback = Array.prototype.slice.call(el.childNodes);
    try {
      if (typeof window.vegaEmbed !== 'function') {
        throw new Error('vegaEmbed ontbreekt: assets/vendor/*.js niet geladen?');
      }
      // "width": "container" takes the element's width; a 0-wide element (for instance a
      // shrink-to-fit parent without vega-embed.css) would draw a 0-wide chart.
      if (el.clientWidth === 0 && el.getClientRects().length > 0) el.style.width = '100%';
      await window.vegaEmbed(el, readSpec(el), EMBED_OPTIONS);
      el.dataset.rendered = 'true';
    } catch (err) {
      showFailure(el, err, fallback);
    }
  }

  // Vega re-reads a container's width only on the window's resize event. A container can
  // change width without one (a <details> opened, a font loaded late, print layout), so pass
  // width changes on as a resize event, at most once a frame. Heights are ignored: the chart
  // itself changes them, and reacting to that could loop.
  var observer = null;
  var widths = new WeakMap();

  function followWidth(el) {
    if (typeof ResizeObserver !== 'function') return;
    if (!observer) {
      var queued = false;
      observer = new ResizeObserver(function (entries) {
        var changed = false;
        entries.forEach(function (entry) {
          var width = Math.round(entry.contentRect.width);
          if (widths.has(entry.target) && widths.get(entry.target) !== width) changed = true;
          widths.set(entry.target, width);
        });
        if (changed && !queued) {
          queued = true;
          window.requestAnimationFrame(function () {
            queued = false;
            window.dispatchEvent(new Event('resize'));
          });
        }
      });
    }
    observer.observe(el);
  }

  // Where this script was loaded from: the vendor scripts sit beside it in vendor/.
  var script = document.currentScript;
  var VENDOR = (script && script.src ? script.src.replace(/[^/]*$/, '') : 'assets/') + 'vendor/';
  var vendorLoaded = null;

  // vega, vega-lite and vega-embed, in that order (each needs the one before); once.
  function loadVega() {
    if (vendorLoaded) return vendorLoaded;
    vendorLoaded = ['vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js'].reduce(function (previous, file) {
      return previous.then(function () {
        return new Promise(function (resolve, reject) {
          var tag = document.createElement('script');
          tag.src = VENDOR + file;
          tag.onload = resolve;
          tag.onerror = function () { reject(new Error(file + ' kon niet worden geladen')); };
          document.head.appendChild(tag);
        });
      });
    }, Promise.resolve());
    return vendorLoaded;
  }

  function offer(el) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'chart-interactive utrecht-button utrecht-button--secondary-action';
    button.textContent = 'Interactieve grafiek';
    button.setAttribute('aria-controls', el.id || '');
    if (!el.id) button.removeAttribute('aria-controls');
    button.addEventListener('click', function () {
      button.disabled = true;
      button.textContent = 'Grafiek wordt geladen…';
      loadVega().then(function () { return draw(el); }, function (err) {
        var fallback = Array.prototype.slice.call(el.childNodes);
        showFailure(el, err, fallback);
      }).then(function () {
        button.remove();
        followWidth(el);
      });
    });
    el.insertAdjacentElement('afterend', button);
  }

  // The <iframe> code under a chart (details.embed-code): a button copies it. Without
  // JavaScript the button stays hidden and the read-only field can be selected by hand.
  function offerCopy(button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    if (!field) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      field.focus();
      field.select();
      var done = function () { button.textContent = 'Gekopieerd'; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(field.value).then(done, function () {
          button.textContent = 'Selecteer de code en kopieer met Ctrl+C';
        });
      } else {
        button.textContent = 'Selecteer de code en kopieer met Ctrl+C';
      }
    });
  }

  function start() {
    Array.prototype.slice.call(document.querySelectorAll('.chart-view[data-spec]')).forEach(offer);
    Array.prototype.slice.call(document.querySelectorAll('button.copy-button[data-copy]')).forEach(offerCopy);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
