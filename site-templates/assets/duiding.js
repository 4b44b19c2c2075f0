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
 *
 * It also turns each chart's Grafiek / Tabel / Toelichting panels into tabs and drives
 * the copy buttons of permalinks and embed code (both described below).
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
  // change width without one (a <details> opened, a tab panel hidden and shown again, a font
  // loaded late, print layout), so pass
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

  // ---- Copying: permalinks and embed code ------------------------------------------
  //
  // <p class="permalink"><a href="#grafiek-x">…</a> <button class="copy-button copy-link" hidden>
  // copies the link's full address; <button class="copy-button" data-copy="ID" hidden> copies
  // the value of the field ID (the <iframe> code). Without JavaScript the buttons stay
  // hidden: the link is a plain link, the code a read-only field to select by hand.
  // One live region per page says what happened ("Link gekopieerd"); it exists before the
  // first press, so screen readers notice when its text changes.
  var liveRegion = null;

  function announce(text) {
    if (!liveRegion) return;
    liveRegion.textContent = '';
    // A new text in a later frame, so the same message twice is announced twice.
    window.setTimeout(function () { liveRegion.textContent = text; }, 50);
  }

  // The old way, for browsers without navigator.clipboard (or where it is refused, such
  // as some file:// pages): select the text in a field off screen and copy the selection.
  function copyBySelection(text) {
    var field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.className = 'visually-hidden';
    document.body.appendChild(field);
    field.select();
    var done = false;
    try { done = document.execCommand('copy'); } catch (err) { done = false; }
    field.remove();
    return done ? Promise.resolve() : Promise.reject(new Error('kopiëren geweigerd'));
  }

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).catch(function () { return copyBySelection(text); });
    }
    return copyBySelection(text);
  }

  function offerCopy(button) {
    var field = button.hasAttribute('data-copy') ? document.getElementById(button.getAttribute('data-copy')) : null;
    var link = button.classList.contains('copy-link') && button.parentNode ? button.parentNode.querySelector('a[href]') : null;
    if (!field && !link) return;
    var what = link ? 'Link' : 'Code';
    var label = button.textContent;
    var reset = null;
    button.hidden = false;
    button.addEventListener('click', function () {
      // a.href is the address the browser resolved: absolute, ready to paste elsewhere.
      var text = link ? link.href : field.value;
      copyText(text).then(function () {
        button.focus();
        button.textContent = what + ' gekopieerd';
        announce(what + ' gekopieerd');
      }, function () {
        button.focus();
        if (field) { field.focus(); field.select(); }
        button.textContent = label;
        announce('Kopiëren lukte niet. ' + (link ? 'Klik met de rechtermuisknop op de link en kies Link kopiëren.'
          : 'De code is geselecteerd: kopieer met Ctrl+C.'));
      });
      window.clearTimeout(reset);
      reset = window.setTimeout(function () { button.textContent = label; }, 4000);
    });
  }

  // ---- Chart / Tabel / Toelichting as tabs ------------------------------------------
  //
  // <div class="chart-tabs"> holds three <div class="chart-panel" id=…> with an
  // <hN class="panel-title"> each (render/chart_figure.cc). Without JavaScript all three
  // show in that order. Here they become the WAI-ARIA Authoring Practices tabs pattern:
  // a tablist before the panels, one tab per panel (its title), the chart first; arrow
  // keys, Home and End move between tabs and show the tab reached (automatic activation:
  // the panels are already on the page); only the selected tab is in the Tab order.
  // Printing shows every panel (print.css). The figure's caption, the summary sentence,
  // sits outside the panels and stays readable whatever tab is open.
  var tabCount = 0;

  function makeTabs(box) {
    var panels = Array.prototype.slice.call(box.children).filter(function (el) {
      return el.classList.contains('chart-panel') && el.id;
    });
    if (panels.length < 2) return;
    var list = document.createElement('div');
    list.className = 'chart-tablist';
    list.setAttribute('role', 'tablist');
    var figure = box.closest('figure');
    var heading = figure && figure.parentNode ? findHeading(figure) : null;
    list.setAttribute('aria-label', 'Weergave' + (heading ? ': ' + heading : ''));
    var tabs = panels.map(function (panel) {
      var title = panel.querySelector(':scope > .panel-title');
      var tab = document.createElement('button');
      tab.type = 'button';
      tab.className = 'chart-tab';
      tab.setAttribute('role', 'tab');
      tab.id = 'tab-' + panel.id;
      if (document.getElementById(tab.id)) tab.id = 'tab-' + panel.id + '-' + (++tabCount);
      tab.setAttribute('aria-controls', panel.id);
      tab.textContent = title ? title.textContent : panel.id;
      if (title) title.hidden = true;
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      panel.setAttribute('tabindex', '0');
      list.appendChild(tab);
      return tab;
    });
    function select(index, focus) {
      tabs.forEach(function (tab, i) {
        var on = i === index;
        tab.setAttribute('aria-selected', on ? 'true' : 'false');
        tab.tabIndex = on ? 0 : -1;
        panels[i].hidden = !on;
      });
      if (focus) tabs[index].focus();
    }
    tabs.forEach(function (tab, i) {
      tab.addEventListener('click', function () { select(i, true); });
    });
    list.addEventListener('keydown', function (event) {
      var current = tabs.indexOf(document.activeElement);
      if (current < 0) return;
      var next = {ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1}[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select((next + tabs.length) % tabs.length, true);
    });
    box.insertBefore(list, box.firstChild);
    select(0, false);
    box.duidingSelect = function (panel) {
      var i = panels.indexOf(panel);
      if (i >= 0) select(i, false);
    };
  }

  // The text of the heading a chart sits under (its section's first heading), to tell
  // the tab lists of a page apart.
  function findHeading(figure) {
    var section = figure.closest('section');
    var h = section ? section.querySelector('h2, h3, h4, h5, h6') : null;
    return h ? h.textContent.trim() : '';
  }

  // A link to a panel that is not shown (#tabel-x from an embed page, a table row's
  // anchor) opens its tab first.
  function showTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (!target) return;
    var panel = target.closest('.chart-panel');
    var box = panel ? panel.parentNode : null;
    if (panel && panel.hidden && box && box.duidingSelect) {
      box.duidingSelect(panel);
      target.scrollIntoView();
    }
  }

  function start() {
    Array.prototype.slice.call(document.querySelectorAll('.chart-tabs')).forEach(makeTabs);
    Array.prototype.slice.call(document.querySelectorAll('.chart-view[data-spec]')).forEach(offer);
    var buttons = Array.prototype.slice.call(document.querySelectorAll('button.copy-button'));
    if (buttons.length > 0) {
      liveRegion = document.createElement('p');
      liveRegion.className = 'visually-hidden copy-status';
      liveRegion.setAttribute('role', 'status');
      liveRegion.setAttribute('aria-live', 'polite');
      (document.querySelector('main') || document.body).appendChild(liveRegion);
    }
    buttons.forEach(offerCopy);
    showTarget();
    window.addEventListener('hashchange', showTarget);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
