/*
 * verhalen.js: filters the stories overview (verhalen/index.html) in place.
 *
 * Without this script the overview still works: its filter lists link to static pages per
 * round, group, theme and question. With it, the lists become four select boxes that
 * show and hide the stories on the page at once. It reads what the generator wrote:
 *   <nav class="story-filters"> <div class="facet" data-facet="ronde"> ... <a data-value="2024">
 *   <li class="story" data-ronde="2024" data-groep="..." data-thema="..." data-indicator="a b">
 * No inline styles or event handlers (the site's CSP is script-src 'self'; style-src 'self'):
 * hiding is done with the `hidden` attribute.
 */
(function () {
  'use strict';

  function start() {
    var nav = document.querySelector('.story-filters');
    var list = document.querySelector('.stories .story-list');
    if (!nav || !list) return;
    var stories = Array.prototype.slice.call(list.querySelectorAll('li.story'));
    var facets = Array.prototype.slice.call(nav.querySelectorAll('.facet[data-facet]'));
    if (facets.length === 0) return;

    var form = document.createElement('form');
    form.className = 'story-filter-form';
    var selects = [];
    facets.forEach(function (facet) {
      var key = facet.getAttribute('data-facet');
      var heading = facet.querySelector('h3');
      var field = document.createElement('div');
      field.className = 'story-filter-field';
      var label = document.createElement('label');
      label.htmlFor = 'kies-' + key;
      label.textContent = heading ? heading.textContent : key;
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
        var count = link.parentNode.querySelector('.count');
        option.textContent = link.textContent + (count ? ' ' + count.textContent : '');
        select.appendChild(option);
      });
      select.addEventListener('change', apply);
      field.appendChild(label);
      field.appendChild(select);
      form.appendChild(field);
      selects.push(select);
      facet.hidden = true;
    });
    var reset = document.createElement('button');
    reset.type = 'reset';
    reset.textContent = 'Alle verhalen tonen';
    form.appendChild(reset);
    form.addEventListener('reset', function () { window.setTimeout(apply, 0); });
    form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });

    var status = document.createElement('p');
    status.className = 'story-filter-status';
    status.setAttribute('role', 'status');
    var heading = nav.querySelector('h2');
    nav.insertBefore(form, heading ? heading.nextSibling : nav.firstChild);
    nav.insertBefore(status, form.nextSibling);

    function matches(story, select) {
      var wanted = select.value;
      if (!wanted) return true;
      var have = (story.getAttribute('data-' + select.getAttribute('data-facet')) || '').split(' ');
      return have.indexOf(wanted) !== -1;
    }

    function apply() {
      var shown = 0;
      stories.forEach(function (story) {
        var visible = selects.every(function (select) { return matches(story, select); });
        story.hidden = !visible;
        if (visible) shown++;
      });
      var filtered = selects.some(function (select) { return select.value !== ''; });
      status.textContent = filtered
        ? shown + ' van de ' + stories.length + ' verhalen getoond.'
        : '';
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
