// Call for papers: show each instant in the visitor's own time zone too, and count down to deadlines.
(function () {
    'use strict';
    // The page's language formats the dates; its words come from data attributes the server translated.
    var lang = document.documentElement.lang || undefined;
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    var fmt = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short' });
    function fill(template, values) {
        return (template || '').replace(/\{(\d+)\}/g, function (_, i) { return values[+i]; });
    }
    document.querySelectorAll('time[data-local-time]').forEach(function (el) {
        var when = new Date(el.getAttribute('datetime'));
        if (isNaN(when)) return;
        var local = document.createElement('span');
        local.className = 'local-time';
        local.textContent = ' · ' + fill(el.getAttribute('data-your-time') || 'your time: {0}', [fmt.format(when) + ' (' + zone + ')']);
        el.after(local);
    });

    var counters = document.querySelectorAll('[data-countdown]');
    function tick() {
        var now = Date.now();
        counters.forEach(function (el) {
            var ms = new Date(el.getAttribute('data-countdown')).getTime() - now;
            if (isNaN(ms)) return;
            if (ms <= 0) { el.textContent = el.getAttribute('data-passed') || ''; return; }
            var s = Math.floor(ms / 1000), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
            el.textContent = fill(el.getAttribute(d > 0 ? 'data-days' : 'data-hours'), [d, h, m]);
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
