// Stars: add a session to my agenda, or take it out, without reloading the page. The star is a plain form POST that
// works without this script; here it is sent with fetch (the form's own antiforgery token goes with it) and every star
// of that session on the page (the grid and the phone list both have one) shows the new state.
(function () {
    'use strict';
    if (!window.fetch || !window.FormData) return;

    function show(id, on) {
        document.querySelectorAll('form[data-star="' + id + '"]').forEach(function (form) {
            var next = form.querySelector('input[name="Star"]');
            if (next) next.value = on ? 'false' : 'true';
            var button = form.querySelector('button');
            if (!button) return;
            button.setAttribute('aria-pressed', on ? 'true' : 'false');
            button.title = button.getAttribute(on ? 'data-title-on' : 'data-title-off') || '';
        });
    }

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-star')) return;
        event.preventDefault();
        if (form.getAttribute('aria-busy') === 'true') return;
        form.setAttribute('aria-busy', 'true');
        fetch(form.action, { method: 'POST', body: new FormData(form), headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (response) {
                if (!response.ok) throw new Error('star ' + response.status);
                return response.json();
            })
            .then(function (result) { show(form.getAttribute('data-star'), !!result.starred); form.removeAttribute('aria-busy'); })
            // Anything unexpected (signed out, an expired token): the plain POST, which reloads and says what happened.
            .catch(function () { form.removeAttribute('aria-busy'); form.submit(); });
    });
})();
