// A talk's Q&A: when the live hub says the talk's questions changed, fetch the list again and swap it in.
// Without script (or without a connection) the page still works: every action is a form, and a reload shows the list.
(function () {
    const root = document.querySelector("[data-live-topic]");
    if (!root || !window.signalR) return;
    const topic = root.getAttribute("data-live-topic");
    const listUrl = root.getAttribute("data-live-list");
    const target = root.querySelector("[data-live-target]");
    let pending = null;

    async function refresh() {
        pending = null;
        try {
            const response = await fetch(listUrl, { credentials: "same-origin", headers: { "Accept": "text/html" } });
            if (response.ok) target.innerHTML = await response.text();
        } catch { /* the next message or a reload will catch up */ }
    }
    // Many votes in a burst (a keynote) become one fetch.
    function soon() { if (!pending) pending = setTimeout(refresh, 250); }

    // WebSockets straight away, without the negotiate request: behind a round-robin proxy the negotiate and the
    // connection could land on different replicas, and only a connection that never negotiates needs no sticky sessions.
    const connection = new signalR.HubConnectionBuilder()
        .withUrl("/hubs/live", { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
        .withAutomaticReconnect().build();
    connection.on("live", (t) => { if (t === topic) soon(); });
    connection.onreconnected(async () => { await connection.invoke("Join", topic); soon(); });
    connection.start().then(() => connection.invoke("Join", topic)).then(soon).catch(() => { /* forms still work */ });
})();
