// Live quiz pages (projector, teacher's controls, phones): follow the session's state.
//
// The projector and the teacher's page ask the state every LIVE_POLL seconds; when the
// session moved (Next, Reveal, Pause, End: a new version) they load the page again, which the
// server renders as the session is now; otherwise they update the counts and the countdown.
//
// A phone (data-hold on #live-poll) asks with ?after=<version>: the server holds the request
// until the session moves on (long polling, quiz/live_feed.py), and its answer carries what
// the phone shows — the question's prompt and choices, after the reveal the right one, the
// explanation and the passage, its own answer and place. The script writes them in place into
// a copy of the page's <template id="live-parts"> (as text: textContent, never markup), and
// sends a tap as a request of its own, so a class of phones never loads the page again per
// question. A phone that slept or lost the Wi-Fi just asks again: nothing is kept here that
// the server does not have. Without JavaScript, the page's Refresh link and its forms.
//
// Once a form of the page is sent as a page (the teacher's Next), polling stops: a reload then
// would abort the form's request, and with it the teacher's move.
(function () {
  "use strict";
  var poll = document.getElementById("live-poll");
  // Nothing to follow on a page of a session that is over: it never changes again.
  if (!poll || poll.getAttribute("data-phase") === "ended") { return; }
  var source = poll.getAttribute("data-source");
  var version = poll.getAttribute("data-version");
  var interval = parseInt(poll.getAttribute("data-interval"), 10) || 1000;
  var hold = parseInt(poll.getAttribute("data-hold") || "0", 10) || 0;
  var RESEND_AFTER = 2000;  // ms before a tap that found no connection is sent again
  var pending = null;  // that tap: {question, choice, said}
  var parts = document.getElementById("live-parts");
  var now = document.getElementById("live-now");
  var phone = hold > 0 && parts !== null && now !== null && "content" in parts;
  var timer = null;
  var busy = false;
  var deadline = null;
  var leaving = false;
  var shown = null;  // the question on screen, as the last state gave it (phones)
  var WARN_AT = 10;  // seconds left when a phone says the time once
  var warned = false;  // said for the question on screen
  // The teacher's page says once that everyone has answered, and once that the time is up
  // (its counts change silently; a blind teacher would not know when to reveal). It loads
  // again at each move: said once per question.
  var teacherSays = !phone && document.getElementById("live-announce");
  var saidAll = false;
  var saidTime = false;

  function pattern(name, values) {
    var text = poll.getAttribute("data-" + name) || "";
    for (var key in values) {
      if (Object.prototype.hasOwnProperty.call(values, key)) {
        text = text.replace("%(" + key + ")s", String(values[key]));
      }
    }
    return text;
  }

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

  function showAll(name, visible) {
    var nodes = document.querySelectorAll('[data-live="' + name + '"]');
    for (var i = 0; i < nodes.length; i++) { nodes[i].hidden = !visible; }
  }

  function tick() {
    if (deadline === null) { return; }
    var left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    var text = (poll.getAttribute("data-seconds") || "%(seconds)s").replace("%(seconds)s", String(left));
    setAll("countdown", text);
    // The seconds are not read out as they run (a live region would speak every second):
    // once, 10 s before the end, to a phone still showing the choices.
    if (phone && !warned && left > 0 && left <= WARN_AT && now.querySelector("form.live-answer")) {
      warned = true;
      announce(text);
    }
    if (left === 0) { timeIsUp(); }
    if (left === 0 && teacherSays && !saidTime) {
      saidTime = true;
      announce(teacherSays.getAttribute("data-time-up"));
    }
  }

  // The countdown is over: a phone still showing the choices shows "Too late" instead (what
  // the server now answers to a tap, and what the page says when loaded again).
  function timeIsUp() {
    var choices = phone && now && now.querySelector("form.live-answer");
    if (!choices) { return; }
    var prompt = now.querySelector('[data-slot="prompt"]');
    var hadFocus = focusWasHere();  // on a choice, about to go (or nowhere)
    var node = part("late");
    fill(node, "prompt", prompt ? prompt.textContent : "");
    while (now.firstChild) { now.removeChild(now.firstChild); }
    now.appendChild(node);
    tell(node, hadFocus, "");  // the focus on what replaced the choices, or said
  }

  function schedule(delay) {
    if (timer !== null) { clearTimeout(timer); }
    timer = setTimeout(ask, delay);
  }

  // -- the phone's parts, written in place -------------------------------------------------

  function part(name) {
    var found = parts.content.querySelector('[data-part="' + name + '"]');
    return document.importNode(found, true);
  }

  function fill(node, slot, text) {
    var nodes = node.querySelectorAll('[data-slot="' + slot + '"]');
    for (var i = 0; i < nodes.length; i++) { nodes[i].textContent = text; }
  }

  function keepIf(node, name, keep) {
    var nodes = node.querySelectorAll('[data-if="' + name + '"]');
    for (var i = 0; i < nodes.length; i++) {
      if (keep) { nodes[i].hidden = false; } else { nodes[i].parentNode.removeChild(nodes[i]); }
    }
  }

  function choiceText(id) {
    for (var i = 0; i < shown.choices.length; i++) {
      if (shown.choices[i].id === id) { return shown.choices[i].text; }
    }
    return "";
  }

  function questionPart(state) {
    var node = part("question");
    keepIf(node, "paused", state.paused);
    node.querySelector('input[name="question"]').value = String(shown.id);
    var model = node.querySelector('[data-slot="choice"]');
    var list = model.parentNode;
    list.removeChild(model);
    for (var i = 0; i < shown.choices.length; i++) {
      var button = model.cloneNode(true);
      button.value = String(shown.choices[i].id);
      button.textContent = shown.choices[i].text;
      button.disabled = state.paused;
      list.appendChild(button);
    }
    return node;
  }

  function answeredPart(choice) {
    var node = part("answered");
    fill(node, "mine", choiceText(choice));
    return node;
  }

  function revealPart(state) {
    var node = part("reveal");
    var mine = state.mine;
    var right = mine !== null && mine.right === true;
    node.querySelector("#feedback").className = "feedback result " + (right ? "right" : "wrong");
    keepIf(node, "none", mine === null);
    keepIf(node, "right", right);
    keepIf(node, "wrong", mine !== null && !right);
    keepIf(node, "mine", mine !== null);
    keepIf(node, "correct", !right);
    if (mine !== null) { fill(node, "mine", choiceText(mine.choice)); }
    fill(node, "correct", choiceText(shown.right_choice));
    fill(node, "explanation", shown.explanation);
    fill(node, "before", shown.passage[0]);
    fill(node, "passage", shown.passage[1]);
    fill(node, "after", shown.passage[2]);
    keepIf(node, "place", state.place !== null);
    if (state.place !== null) {
      fill(node, "place", label("points", state.place.points) + " · " +
        pattern("place", {position: state.place.position, count: state.place.of}));
    }
    return node;
  }

  // The focus was on the part about to go (a choice just tapped, a button paused away) or
  // nowhere yet: the new part takes it, so that a screen reader reads it and the next Tab
  // starts there. Elsewhere (the menu…), it stays, and the page's live region says it.
  function focusWasHere() {
    var active = document.activeElement;
    return !active || active === document.body || now.contains(active);
  }

  function put(node) {
    fill(node, "prompt", shown.prompt);
    while (now.firstChild) { now.removeChild(now.firstChild); }
    now.appendChild(node);
  }

  // What the new part says first: its verdict or wait line, else (a question) its prompt,
  // read after "Question 2 of 5" when announced.
  function tell(node, hadFocus, position) {
    var said = node.querySelector('[role="status"]:not([hidden])') ||
      node.querySelector('[data-slot="prompt"]');
    if (!said) { return; }
    if (hadFocus) {
      said.setAttribute("tabindex", "-1");
      said.focus();
    } else {
      announce(said.matches('[data-slot="prompt"]') && position ? position + ". " + said.textContent : said.textContent);
    }
  }

  // The page's live region (present from the start: one filled when inserted is not read).
  function announce(text) {
    var region = document.getElementById("live-announce");
    if (!region) { return; }
    region.textContent = "";
    setTimeout(function () { region.textContent = text; }, 100);
  }

  // The session moved on: the phone's screen as the state says. False when only a new page
  // can show it (the wait before the first question, the end and its podium).
  function render(state) {
    if (!state.shown || (state.phase !== "open" && state.phase !== "revealed")) { return false; }
    shown = state.shown;
    var hadFocus = focusWasHere();
    var node;
    if (state.phase === "revealed") {
      node = revealPart(state);
    } else if (state.mine) {
      node = answeredPart(state.mine.choice);
    } else if (state.remaining_ms === 0) {
      node = part("late");
    } else {
      node = questionPart(state);
    }
    put(node);
    if (pending !== null) { notSent(); }  // the tap not sent yet, on its question drawn again
    var position = pattern("position", {number: state.question, count: state.questions});
    setAll("position", position);
    showAll("paused", state.paused);
    showAll("countdown-line", state.remaining_ms !== null && state.phase === "open");
    // A question shown with 10 s or less left is not warned about: the warning would cut
    // short the reading of the question just said.
    warned = state.remaining_ms !== null && state.remaining_ms <= WARN_AT * 1000;
    tell(node, hadFocus, position);
    return true;
  }

  // A tap on a phone: sent as a request of its own; the answer shown in place once stored.
  // Refused (too late, paused, stored already): the page again, with the message.
  function answer(form, button) {
    pending = {question: form.querySelector('input[name="question"]').value,
               choice: button.value, said: pending !== null && pending.said};
    var data = new FormData(form);
    data.append(button.name, button.value);
    var buttons = form.querySelectorAll("button");
    for (var i = 0; i < buttons.length; i++) { buttons[i].disabled = true; }
    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.setRequestHeader("Accept", "application/json");
    request.timeout = 15000;
    request.onload = function () {
      pending = null;
      var stored = null;
      try { stored = JSON.parse(request.responseText).choice; } catch (e) { stored = null; }
      if (request.status !== 200 || typeof stored !== "number") {
        leaving = true;
        window.location.reload();
        return;
      }
      if (shown === null) {
        shown = {id: 0, prompt: form.parentNode.querySelector('[data-slot="prompt"]').textContent, choices: []};
        for (var j = 0; j < buttons.length; j++) {
          shown.choices.push({id: parseInt(buttons[j].value, 10), text: buttons[j].textContent});
        }
      }
      var hadFocus = focusWasHere();
      var node = answeredPart(stored);
      put(node);
      tell(node, hadFocus, "");
    };
    // No connection (a Wi-Fi blip): the tap is not lost. The page says so and sends it again
    // every few seconds while its question is on the screen (drawn again after a pause, too);
    // the server's answer then (the choice stored, or too late) is taken as above. The
    // buttons stay disabled meanwhile: the choice is the one tapped.
    request.onerror = request.ontimeout = function () {
      if (leaving) { return; }
      notSent();
      setTimeout(resend, RESEND_AFTER);
    };
    request.send(data);
  }

  // The question's form on the screen when it is the one of the tap not sent yet.
  function pendingForm() {
    var form = pending !== null && now && now.querySelector("form.live-answer");
    if (!form || form.querySelector('input[name="question"]').value !== pending.question) {
      pending = null;  // the quiz moved on: the server would refuse it
      return null;
    }
    return form;
  }

  function notSent() {
    var form = pendingForm();
    if (!form) { return; }
    var buttons = form.querySelectorAll("button");
    for (var i = 0; i < buttons.length; i++) { buttons[i].disabled = true; }
    var unsent = form.parentNode.querySelector(".live-unsent");
    if (!unsent) { return; }
    unsent.hidden = false;
    if (!pending.said) {  // said once by the live region (a line shown is not always read)
      pending.said = true;
      announce(unsent.textContent);
    }
  }

  function resend() {
    var form = pendingForm();
    if (!form || leaving) { return; }
    var button = form.querySelector('button[value="' + pending.choice + '"]');
    if (button) { answer(form, button); } else { pending = null; }
  }

  // -- asking the state ---------------------------------------------------------------------

  function ask() {
    timer = null;
    if (busy || leaving) { return; }
    busy = true;
    var request = new XMLHttpRequest();
    request.open("GET", phone ? source + "?after=" + encodeURIComponent(version) : source);
    request.setRequestHeader("Accept", "application/json");
    request.timeout = phone ? hold + 10000 : 10000;
    request.onload = function () {
      busy = false;
      if (leaving) { return; }
      if (request.status !== 200) { schedule(interval * 4); return; }
      var state;
      try { state = JSON.parse(request.responseText); } catch (e) { schedule(interval * 4); return; }
      var moved = String(state.version) !== version;
      if (moved && !(phone && render(state))) { window.location.reload(); return; }
      version = String(state.version);
      setAll("joined", label("joined", state.joined));
      setAll("answered", label("answered", state.answered));
      if (teacherSays && !saidAll && state.phase === "open" && state.joined > 0 &&
          state.answered >= state.joined) {
        saidAll = true;
        announce(teacherSays.getAttribute("data-all-answered"));
      }
      deadline = state.remaining_ms === null || state.paused ? null : Date.now() + state.remaining_ms;
      tick();
      // The server holds a phone's request until the next move: a phone asks again a moment
      // after this one (1 to 3 turns: a class's requests spread out rather than come at once).
      schedule(phone && moved ? interval * (1 + 2 * Math.random()) : interval);
    };
    request.onerror = request.ontimeout = function () { busy = false; schedule(interval * 2); };
    request.send();
  }

  var countdown = document.querySelector('[data-live="countdown"][data-ms]');
  if (countdown) { deadline = Date.now() + (parseInt(countdown.getAttribute("data-ms"), 10) || 0); }
  // Loaded again after the time was up: said already, not a second time.
  if (countdown && (parseInt(countdown.getAttribute("data-ms"), 10) || 0) <= 0) { saidTime = true; }
  setInterval(tick, 250);
  // Back from sleep or another tab: ask at once rather than at the next turn.
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) { schedule(0); }
  });
  window.addEventListener("online", function () { schedule(0); });
  document.addEventListener("submit", function (event) {
    if (event.defaultPrevented) { return; }
    var form = event.target;
    if (phone && form.classList && form.classList.contains("live-answer") && event.submitter &&
        typeof FormData === "function") {
      event.preventDefault();
      answer(form, event.submitter);
      return;
    }
    leaving = true;
    if (timer !== null) { clearTimeout(timer); timer = null; }
  });
  // Back from the browser's cache (the Back button): the page is old, ask at once.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { leaving = false; schedule(0); }
  });
  schedule(phone ? 0 : interval);
}());
