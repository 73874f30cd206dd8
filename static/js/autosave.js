// Quiz page: each answer is stored on the server as it is chosen. Only the questions changed
// on this page since its last stored save are sent (with the page's CSRF token) to
// student.save, so a tab left open on another device never overwrites newer answers with its
// older ones. The line #save-status says what is saved; a save that fails for the
// connection or the server is tried again (1 s, 2 s, 4 s… up to 30 s, and at once when the
// browser is back online), never dropped in silence. A save the server refuses (4xx:
// submitted elsewhere, logged out, quiz changed, page too old) shows its reason and waits
// for the student. Without JavaScript the "Save my answers" button does the same.
(function () {
  "use strict";
  var form = document.getElementById("answer-form");
  var status = document.getElementById("save-status");
  if (!form || !status || !window.fetch || !window.FormData) { return; }
  var url = status.getAttribute("data-url");
  var token = form.querySelector("input[name=csrf_token]");
  var changed = {};  // field name → the number of its last change here, not yet stored
  var changes = 0;
  var sending = false;
  var again = false;
  var delay = 1000;
  var timer = null;

  var said = document.getElementById("save-said");
  var trouble = null;  // the problem last said out loud: "retrying", or the refusal's text

  // The line shows every state; a screen reader hears only a change that matters: saves that
  // stopped (said once, not at each new try), a refusal, and saving working again. A save
  // like the others says nothing (the progress counter says the answers given).
  function say(kind, text) {
    status.textContent = text;
    status.setAttribute("data-state", kind);
    var heard = null;
    if (kind === "retrying" && trouble !== "retrying") {
      trouble = "retrying";
      heard = text;
    } else if (kind === "failed" && trouble !== text) {
      trouble = text;
      heard = text;
    } else if (kind === "saved" && trouble !== null) {
      trouble = null;
      heard = text;
    }
    if (heard !== null && said) { said.textContent = heard; }
  }

  function label(kind) { return status.getAttribute("data-" + kind) || ""; }

  function retry() {
    say("retrying", label("retrying"));
    window.clearTimeout(timer);
    timer = window.setTimeout(send, delay);
    delay = Math.min(delay * 2, 30000);
  }

  function body(names) {
    var data = new FormData();
    data.append("csrf_token", token ? token.value : "");
    names.forEach(function (name) {
      var picked = form.querySelector("input[type=radio][name='" + name + "']:checked");
      if (picked) { data.append(name, picked.value); }
    });
    return data;
  }

  function send(leaving) {
    window.clearTimeout(timer);
    var names = Object.keys(changed);
    if (!names.length) { return; }
    var sent = {};
    names.forEach(function (name) { sent[name] = changed[name]; });
    if (sending && !leaving) { again = true; return; }
    sending = true;
    again = false;
    say("saving", label("saving"));
    fetch(url, {
      method: "POST", body: body(names), credentials: "same-origin", keepalive: !!leaving,
      redirect: "manual", headers: { "Accept": "application/json" }
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (reply) {
        sending = false;
        if (response.ok && reply && typeof reply.answered === "number") {
          names.forEach(function (name) {  // unless changed again while this was on its way
            if (changed[name] === sent[name]) { delete changed[name]; }
          });
          delay = 1000;
          var time = new Date().toLocaleTimeString(document.documentElement.lang,
                                                   { hour: "2-digit", minute: "2-digit" });
          say("saved", label("saved").replace("{answered}", reply.answered)
              .replace("{total}", reply.total).replace("{time}", time));
          if (again || Object.keys(changed).length) { send(); }
        } else if (response.status >= 400 && response.status < 500 && response.status !== 429) {
          say("failed", (reply && reply.error) || label("failed"));
        } else if (response.type === "opaqueredirect") {
          say("failed", label("failed"));  // sent to another page (the login): not stored
        } else {
          retry();
        }
      });
    }).catch(function () {
      sending = false;
      retry();
    });
  }

  form.addEventListener("change", function (event) {
    if (event.target && event.target.type === "radio") {
      changes += 1;
      changed[event.target.name] = changes;
      send();
    }
  });
  window.addEventListener("online", function () {
    if (status.getAttribute("data-state") === "retrying") { send(); }
  });
  // Leaving with a choice not yet stored: one last try that outlives the page.
  window.addEventListener("pagehide", function () { send(true); });
}());
