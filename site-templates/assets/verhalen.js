/*
 * verhalen.js: the story lists' facet navigation as select boxes.
 *
 * Without this script every story list page works: its facet navigation is plain links
 * (in a <details> per facet) to the static pages of each round, group, theme and question,
 * and those pages ARE the filters; each is paginated. With it, the facets become select
 * boxes and a "Tonen" button that opens the chosen page, so the address always says what is
 * shown (verhalen/groep/gezinnen/ ...) and a filtered list can be bookmarked or shared.
 * Choosing in one box sets the others back to "Alle" (one facet at a time: the pages that
 * exist). On load the boxes show the page's own facet value (the link marked
 * aria-current="page"). Nothing navigates on change alone (WCAG 3.2.2): the button does.
 * It reads what the generator wrote:
 *   <nav class="story-filters"> <details class="facet" data-facet="thema"> ... <a data-value="x" href>
 * No inline styles or event handlers (the site's CSP is script-src 'self'; style-src 'self').
 */
(function () {
  'use strict';

  function start() {
    var nav = document.querySelector('.story-filters');
    if (!nav) return;
    var facets = Array.prototype.slice.call(nav.querySelectorAll('.facet[data-facet]'));
    if (facets.length === 0) return;
    var allLink = nav.querySelector('p > a');

    var form = document.createElement('form');
    form.className = 'story-filter-form';
    var selects = [];
    facets.forEach(function (facet) {
      var key = facet.getAttribute('data-facet');
      var summary = facet.querySelector('summary');
      var field = document.createElement('div');
      field.className = 'story-filter-field';
      var label = document.createElement('label');
      label.htmlFor = 'kies-' + key;
      label.textContent = summary && summary.firstChild ? summary.firstChild.textContent.trim() : key;
      var select = document.createElement('select');
      select.id = 'kies-' + key;
      select.setAttribute('data-facet', key);
      var all = document.createElement('option');
      all.value = '';
      all.textContent = 'Alle';
      select.appendChild(all);
      Array.prototype.forEach.call(facet.querySelectorAll('a[data-value]'), function (link) {
        var option = document.createElement('option');
        option.value = link.getAttribute('data-value');
        option.setAttribute('data-href', link.getAttribute('href'));
        var count = link.parentNode.querySelector('.count');
        option.textContent = link.textContent + (count ? ' ' + count.textContent : '');
        if (link.getAttribute('aria-current') === 'page') option.selected = true;
        select.appendChild(option);
      });
      select.addEventListener('change', function () {
        selects.forEach(function (other) { if (other !== select) other.value = ''; });
      });
      field.appendChild(label);
      field.appendChild(select);
      form.appendChild(field);
      selects.push(select);
      facet.hidden = true;
    });
    var show = document.createElement('button');
    show.type = 'submit';
    show.textContent = 'Tonen';
    form.appendChild(show);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var target = allLink ? allLink.getAttribute('href') : null;
      selects.forEach(function (select) {
        var option = select.options[select.selectedIndex];
        if (select.value && option) target = option.getAttribute('data-href');
      });
      if (target) window.location.href = target;
    });
    var heading = nav.querySelector('h2');
    nav.insertBefore(form, heading ? heading.nextSibling : nav.firstChild);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
