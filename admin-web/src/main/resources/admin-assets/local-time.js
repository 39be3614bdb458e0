// Shows each <time datetime="...Z"> of the panel in the browser's own time zone; its title keeps the UTC time.
// Served from /admin/assets, as the panel's Content-Security-Policy allows scripts from the panel itself only.
(function () {
  'use strict';

  function pad(n) {
    return String(n).padStart(2, '0');
  }

  function zoneOf(date) {
    try {
      var part = new Intl.DateTimeFormat(undefined, {timeZoneName: 'short'}).formatToParts(date)
          .find(function (p) { return p.type === 'timeZoneName'; });
      return part ? ' ' + part.value : '';
    } catch (e) {
      return '';
    }
  }

  function showLocally(element) {
    var date = new Date(element.getAttribute('datetime'));
    if (isNaN(date.getTime())) {
      return;
    }
    element.textContent = date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + ' '
        + pad(date.getHours()) + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds()) + zoneOf(date);
    element.classList.add('local');
  }

  function showAll() {
    document.querySelectorAll('time[datetime]').forEach(showLocally);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', showAll);
  } else {
    showAll();
  }
})();
