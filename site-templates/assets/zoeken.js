/*
 * zoeken.js: full-text search over the site's stories and pages, in the browser.
 *
 * Reads window.DUIDING_ZOEKINDEX (assets/zoekindex.js, written by the generator) and
 * indexes it with MiniSearch (assets/vendor/minisearch.js). Plain scripts, no fetch() and
 * no WebAssembly, so search works from file:// and under the site's CSP
 * (script-src 'self'; style-src 'self'). Results are written with textContent only:
 * quote text is shown as text, never as HTML.
 *
 * Case and accents do not matter: "clienten" finds "cliënten", "EEN" finds "één".
 * The page's form is `hidden` and a note says search needs JavaScript; this script
 * swaps the two. The query is kept in the address (?q=...), so a result list can be
 * bookmarked and the back button returns to it.
 */
(function () {
  'use strict';

  // Lower case without diacritics: é -> e, ë -> e, ï -> i.
  function fold(term) {
    return term.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function resultItem(doc, root) {
    var item = document.createElement('li');
    item.className = 'search-result';
    var title = document.createElement('a');
    title.href = root + doc.url;
    title.textContent = doc.titel;
    var kind = document.createElement('span');
    kind.className = 'search-kind';
    kind.textContent = doc.soort;
    var heading = document.createElement('p');
    heading.className = 'search-title';
    heading.appendChild(title);
    heading.appendChild(document.createTextNode(' '));
    heading.appendChild(kind);
    item.appendChild(heading);
    if (doc.fragment) {
      var text = document.createElement('p');
      text.className = 'search-fragment';
      text.textContent = doc.fragment;
      item.appendChild(text);
    }
    return item;
  }

  function start() {
    var form = document.getElementById('zoekformulier');
    var input = document.getElementById('zoekterm');
    var status = document.getElementById('zoekstatus');
    var results = document.getElementById('zoekresultaten');
    var note = document.getElementById('zoeken-zonder-js');
    var docs = window.DUIDING_ZOEKINDEX;
    if (!form || !input || !status || !results || !Array.isArray(docs) || typeof window.MiniSearch !== 'function') {
      return;
    }
    // Links in the index are from the site root; this page is one folder down.
    var root = '../';
    var search = new window.MiniSearch({
      fields: ['titel', 'tekst'],
      storeFields: ['soort', 'titel', 'fragment', 'url'],
      processTerm: fold,
      searchOptions: {boost: {titel: 2}, prefix: true, fuzzy: 0.2, combineWith: 'AND'}
    });
    search.addAll(docs);

    function show(query) {
      results.textContent = '';
      query = query.trim();
      if (!query) {
        status.textContent = '';
        return;
      }
      var found = search.search(query);
      found.forEach(function (doc) { results.appendChild(resultItem(doc, root)); });
      status.textContent = found.length === 0
        ? 'Geen resultaten voor “' + query + '”.'
        : found.length + (found.length === 1 ? ' resultaat' : ' resultaten') + ' voor “' + query + '”.';
    }

    function remember(query) {
      try {
        window.history.replaceState(null, '', query ? '?q=' + encodeURIComponent(query) : window.location.pathname);
      } catch (e) {
        // Some browsers refuse to change a file:// address; the results still show.
      }
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      remember(input.value.trim());
      show(input.value);
    });
    input.addEventListener('input', function () { show(input.value); });

    if (note) note.hidden = true;
    form.hidden = false;
    var initial = new URLSearchParams(window.location.search).get('q');
    if (initial) {
      input.value = initial;
      show(initial);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
