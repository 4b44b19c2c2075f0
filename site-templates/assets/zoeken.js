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
 *
 * A result shows a snippet of its text around the first word that matched, with every
 * matched word in <mark>: the words are those MiniSearch reports as matched (`terms`,
 * folded, prefix and fuzzy matches included), built with text nodes and createElement.
 */
(function () {
  'use strict';

  // Lower case without diacritics: é -> e, ë -> e, ï -> i.
  function fold(term) {
    return term.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  // Words as MiniSearch's default tokenizer splits them: runs of characters that are not
  // line breaks, separators (\p{Z}) or punctuation (\p{P}).
  var WORD = /[^\n\r\p{Z}\p{P}]+/gu;
  var SNIPPET = 220;  // characters of text around the first hit
  var BEFORE = 60;    // of which at most this many before it

  // The pieces of `text` to show: [{text, hit}], at most about `size` characters
  // around the first word whose folded form is in `terms` (cut at spaces, with "…"
  // where text was left out), every such word a hit.
  function snippet(text, terms, size) {
    var hits = [];
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      if (terms.has(fold(m[0]))) hits.push([m.index, m.index + m[0].length]);
    }
    var start = 0;
    if (hits.length > 0 && hits[0][0] > BEFORE && text.length > size) {
      start = text.lastIndexOf(' ', hits[0][0] - BEFORE);
      start = start < 0 ? 0 : start + 1;
    }
    var end = text.length;
    if (end - start > size) {
      end = text.indexOf(' ', start + size);
      if (end < 0) end = text.length;
    }
    var pieces = [];
    var at = start;
    if (start > 0) pieces.push({text: '… ', hit: false});
    hits.forEach(function (h) {
      if (h[0] < at || h[1] > end) return;
      if (h[0] > at) pieces.push({text: text.slice(at, h[0]), hit: false});
      pieces.push({text: text.slice(h[0], h[1]), hit: true});
      at = h[1];
    });
    if (end > at) pieces.push({text: text.slice(at, end), hit: false});
    if (end < text.length) pieces.push({text: ' …', hit: false});
    return pieces;
  }

  // Appends `pieces` to `parent`: hits as <mark>, the rest as text nodes.
  function appendPieces(parent, pieces) {
    pieces.forEach(function (piece) {
      if (piece.hit) {
        var mark = document.createElement('mark');
        mark.textContent = piece.text;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(piece.text));
      }
    });
  }

  function resultItem(doc, root) {
    var terms = new Set(doc.terms || []);
    var item = document.createElement('li');
    item.className = 'search-result';
    var title = document.createElement('a');
    title.href = root + doc.url;
    appendPieces(title, snippet(doc.titel, terms, Infinity));
    var kind = document.createElement('span');
    kind.className = 'search-kind';
    kind.textContent = doc.soort;
    var heading = document.createElement('p');
    heading.className = 'search-title';
    heading.appendChild(title);
    heading.appendChild(document.createTextNode(' '));
    heading.appendChild(kind);
    item.appendChild(heading);
    if (doc.inhoud) {
      var text = document.createElement('p');
      text.className = 'search-fragment';
      appendPieces(text, snippet(doc.inhoud, terms, SNIPPET));
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
      storeFields: ['soort', 'titel', 'inhoud', 'url'],
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
