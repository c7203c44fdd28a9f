// Call for papers: show each instant in the visitor's own time zone too, and count down to deadlines.
(function () {
    'use strict';
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var fmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });
    document.querySelectorAll('time[data-local-time]').forEach(function (el) {
        var when = new Date(el.getAttribute('datetime'));
        if (isNaN(when)) return;
        var local = document.createElement('span');
        local.className = 'local-time';
        local.textContent = ' · your time: ' + fmt.format(when) + ' (' + zone + ')';
        el.after(local);
    });

    function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }
    var counters = document.querySelectorAll('[data-countdown]');
    function tick() {
        var now = Date.now();
        counters.forEach(function (el) {
            var ms = new Date(el.getAttribute('data-countdown')).getTime() - now;
            if (isNaN(ms)) return;
            if (ms <= 0) { el.textContent = 'The deadline has passed. Reload the page.'; return; }
            var s = Math.floor(ms / 1000), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
            el.textContent = (d > 0 ? plural(d, 'day') + ', ' : '') + plural(h, 'hour') + ', ' + plural(m, 'minute') + ' left.';
        });
    }
    if (counters.length) { tick(); setInterval(tick, 30000); }
})();

// Forms that undo or send something ask first (CSP forbids inline onsubmit handlers). A button that only previews
// into a frame (formtarget) does not ask.
document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
        if (e.submitter && e.submitter.hasAttribute('formtarget')) return;
        if (!window.confirm(form.getAttribute('data-confirm'))) e.preventDefault();
    });
});
