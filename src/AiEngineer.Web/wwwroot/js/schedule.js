// Schedule: switch every clock time between the event's time zone and the visitor's, and remember the choice.
(function () {
    'use strict';
    var button = document.querySelector('[data-zone-toggle]');
    if (!button || !window.Intl) return;
    var eventZone = button.getAttribute('data-event-zone');
    var myZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!myZone || myZone === eventZone) return; // nothing to switch
    var label = document.querySelector('[data-zone-label]');
    var clocks = Array.prototype.slice.call(document.querySelectorAll('time[data-clock]'));
    var original = clocks.map(function (el) { return el.textContent; });
    var originalLabel = label ? label.textContent : '';
    // The page's language formats the times; the button's words come from data attributes the server translated.
    var lang = document.documentElement.lang || 'en';
    var fmt = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone: myZone });
    var day = new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: myZone });
    var eventDay = new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: eventZone });
    function fill(name, fallback, value) { return (button.getAttribute(name) || fallback).replace('{0}', value); }

    function apply(mine) {
        clocks.forEach(function (el, i) {
            if (!mine) { el.textContent = original[i]; return; }
            var when = new Date(el.getAttribute('datetime'));
            if (isNaN(when)) return;
            // Say the weekday when the visitor's day differs from the event's.
            var text = fmt.format(when);
            if (day.format(when) !== eventDay.format(when)) text += ' (' + day.format(when) + ')';
            el.textContent = text;
        });
        if (label) label.textContent = mine ? fill('data-mine-label', '{0} (your time)', myZone) : originalLabel;
        button.textContent = mine ? fill('data-show-event', 'Show event time', '') : fill('data-show-mine', 'Show my time zone ({0})', myZone);
        button.setAttribute('aria-pressed', mine ? 'true' : 'false');
        try { localStorage.setItem('aie-schedule-zone', mine ? 'mine' : 'event'); } catch (e) { /* private mode */ }
    }

    var mine = false;
    try { mine = localStorage.getItem('aie-schedule-zone') === 'mine'; } catch (e) { /* private mode */ }
    button.hidden = false;
    apply(mine);
    button.addEventListener('click', function () { mine = !mine; apply(mine); });
})();
