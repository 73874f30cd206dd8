// Live quiz pages (projector, teacher's controls, phones): ask the session's state every
// LIVE_POLL seconds. When the session moved (Next, Reveal, Pause, End: a new version), load
// the page again, which the server renders as the session is now; otherwise update the counts
// and the countdown in place. A phone that slept or lost the Wi-Fi just asks again: nothing
// is kept here that the server does not have. Without JavaScript, the page's Refresh link.
// Once a form of the page is sent (the teacher's Next, a phone's answer), polling stops: a
// reload then would abort the form's request, and with it the answer or the teacher's move.
(function () {
  "use strict";
  var poll = document.getElementById("live-poll");
  if (!poll) { return; }
  var source = poll.getAttribute("data-source");
  var version = poll.getAttribute("data-version");
  var interval = parseInt(poll.getAttribute("data-interval"), 10) || 1000;
  var timer = null;
  var busy = false;
  var deadline = null;
  var leaving = false;

  function label(kind, n) {
    var which = n === 0 ? "zero" : (n === 1 ? "one" : "many");
    return (poll.getAttribute("data-" + kind + "-" + which) || "%(num)s").replace("%(num)s", String(n));
  }

  function setAll(name, text) {
    var nodes = document.querySelectorAll('[data-live="' + name + '"]');
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i].textContent !== text) { nodes[i].textContent = text; }
    }
  }

  function tick() {
    if (deadline === null) { return; }
    var left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    setAll("countdown", (poll.getAttribute("data-seconds") || "%(seconds)s").replace("%(seconds)s", String(left)));
  }

  function schedule(delay) {
    if (timer !== null) { clearTimeout(timer); }
    timer = setTimeout(ask, delay);
  }

  function ask() {
    timer = null;
    if (busy || leaving) { return; }
    busy = true;
    var request = new XMLHttpRequest();
    request.open("GET", source);
    request.setRequestHeader("Accept", "application/json");
    request.timeout = 10000;
    request.onload = function () {
      busy = false;
      if (leaving) { return; }
      if (request.status !== 200) { schedule(interval * 4); return; }
      var state;
      try { state = JSON.parse(request.responseText); } catch (e) { schedule(interval * 4); return; }
      if (String(state.version) !== version) { window.location.reload(); return; }
      setAll("joined", label("joined", state.joined));
      setAll("answered", label("answered", state.answered));
      deadline = state.remaining_ms === null || state.paused ? null : Date.now() + state.remaining_ms;
      tick();
      schedule(interval);
    };
    request.onerror = request.ontimeout = function () { busy = false; schedule(interval * 2); };
    request.send();
  }

  var countdown = document.querySelector('[data-live="countdown"]');
  if (countdown) { deadline = Date.now() + (parseInt(countdown.getAttribute("data-ms"), 10) || 0); }
  setInterval(tick, 250);
  // Back from sleep or another tab: ask at once rather than at the next turn.
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) { schedule(0); }
  });
  window.addEventListener("online", function () { schedule(0); });
  document.addEventListener("submit", function (event) {
    if (event.defaultPrevented) { return; }
    leaving = true;
    if (timer !== null) { clearTimeout(timer); timer = null; }
  });
  // Back from the browser's cache (the Back button): the page is old, ask at once.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { leaving = false; schedule(0); }
  });
  schedule(interval);
}());
