// Countdown to a hold's expiry, and the receipt's print button. No inline script: the CSP forbids it.
// The words come from data attributes the server translated ({0} minutes, {1} seconds); English when absent.
(function () {
    function fill(template, values) {
        return template.replace(/\{(\d+)\}/g, function (_, i) { return values[+i]; });
    }
    document.querySelectorAll('[data-countdown]').forEach(function (el) {
        var end = new Date(el.getAttribute('data-countdown')).getTime();
        var format = el.getAttribute('data-format') || '{0}:{1} min', none = el.getAttribute('data-none') || 'no time';
        function tick() {
            var left = Math.max(0, Math.floor((end - Date.now()) / 1000));
            var m = Math.floor(left / 60), s = left % 60;
            el.textContent = left === 0 ? none : fill(format, [m, (s < 10 ? '0' : '') + s]);
            if (left > 0) setTimeout(tick, 1000);
        }
        tick();
    });
    document.querySelectorAll('[data-print]').forEach(function (b) {
        b.addEventListener('click', function () { window.print(); });
    });
})();
