// Organizer dashboard: draw each chart from the JSON in its canvas's data-chart attribute (CSP allows no inline script).
(function () {
    'use strict';
    if (!window.Chart) return;
    var colors = ['#7c5cff', '#ffb454', '#2ec5d3', '#14123a', '#c0392b', '#198754'];
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var spec;
        try { spec = JSON.parse(canvas.getAttribute('data-chart')); } catch (e) { return; }
        var round = spec.type === 'doughnut';
        new window.Chart(canvas, {
            type: spec.type,
            data: {
                labels: spec.labels,
                datasets: spec.series.map(function (s, i) {
                    return {
                        label: s.name,
                        data: s.values,
                        backgroundColor: round ? colors.slice(0, s.values.length) : colors[i % colors.length],
                        borderColor: round ? '#fff' : colors[i % colors.length],
                        tension: 0.25
                    };
                })
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                plugins: { legend: { display: round || spec.series.length > 1 } },
                scales: round ? {} : { y: { beginAtZero: true, ticks: { precision: 0 } } }
            }
        });
    });
})();
