// Countdown to a hold's expiry, and the receipt's print button. No inline script: the CSP forbids it.
(function () {
    document.querySelectorAll('[data-countdown]').forEach(function (el) {
        var end = new Date(el.getAttribute('data-countdown')).getTime();
        function tick() {
            var left = Math.max(0, Math.floor((end - Date.now()) / 1000));
            var m = Math.floor(left / 60), s = left % 60;
            el.textContent = left === 0 ? 'no time' : (m + ':' + (s < 10 ? '0' : '') + s + ' min');
            if (left > 0) setTimeout(tick, 1000);
        }
        tick();
    });
    document.querySelectorAll('[data-print]').forEach(function (b) {
        b.addEventListener('click', function () { window.print(); });
    });
})();
