// The waiting room: asks for this browser's place every few seconds and shows it without a reload; once admitted it
// goes on to the tickets. Without script the page refreshes itself instead (a <noscript> refresh in the layout).
(function () {
    'use strict';
    var panel = document.querySelector('[data-queue-status]');
    if (!panel || !window.fetch) return;
    var position = panel.querySelector('[data-queue-position]');
    var wait = panel.querySelector('[data-queue-wait]');
    var texts = panel.querySelector('[data-queue-texts]');
    if (!position || !wait || !texts) return; // already admitted: the page shows the way on
    var next = panel.getAttribute('data-queue-next') || '/tickets';
    var format = new Intl.NumberFormat(document.documentElement.lang || undefined);

    function poll() {
        fetch(panel.getAttribute('data-queue-status'), { headers: { 'Accept': 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
            .then(function (response) {
                if (!response.ok) throw new Error('queue ' + response.status);
                return response.json();
            })
            .then(function (status) {
                if (status.admitted) { window.location.assign(next); return; }
                if (status.reload) { window.location.reload(); return; }
                position.textContent = format.format(status.position);
                var minutes = Math.ceil(status.waitSeconds / 60);
                wait.textContent = minutes <= 1 ? texts.getAttribute('data-soon')
                    : minutes < 90 ? texts.getAttribute('data-minutes').replace('{0}', format.format(minutes))
                    : texts.getAttribute('data-hours').replace('{0}', format.format(Math.round(minutes / 60)));
                schedule(status.waitSeconds);
            })
            .catch(function () { schedule(30); }); // a busy moment: try again a little later
    }

    // Sooner when the turn is near; at most every 2 s, at least every 10 s.
    function schedule(seconds) { window.setTimeout(poll, Math.min(10, Math.max(2, seconds / 4)) * 1000); }

    schedule(4);
})();
