// Quiz page: each answer is stored on the server as it is chosen. Only the questions changed
// on this page since its last stored save are sent (with the page's CSRF token) to
// student.save, so a tab left open on another device never overwrites newer answers with its
// older ones; each save names this page and the number of its last change, so that one the
// server gets late (given up on here after SAVE_TIMEOUT) never replaces a newer one. The line
// #save-status says what is saved; a save that fails for the
// connection or the server is tried again (1 s, 2 s, 4 s… up to 30 s, and at once when the
// browser is back online), never dropped in silence. A save the server refuses (4xx:
// submitted elsewhere, logged out, quiz changed, page too old) shows its reason and waits
// for the student. Without JavaScript the "Save for later, without submitting" button does
// the same.
//
// Submitting waits for every change to be stored: a choice made without a connection is
// never sent only inside the submission (a failed submission's error page, then Back, would
// lose it). Stored, the submission says so (all_saved: the saved answers, the latest of every
// device, are graded); not stored, nothing is sent and the line says why. "Save for later"
// goes the same way to its own address (all_saved: nothing of the page is stored over the
// saved answers, whose latest may be another device's). A second tap while
// it is on its way does nothing. Leaving the page with a choice not stored asks first. A token
// of an ended session (the student logged in again in another tab) is replaced from
// auth.form_token, and the save tried again.
(function () {
  "use strict";
  var form = document.getElementById("answer-form");
  var status = document.getElementById("save-status");
  if (!form || !status || !window.fetch || !window.FormData) { return; }
  var url = status.getAttribute("data-url");
  var token = form.querySelector("input[name=csrf_token]");
  var changed = {};  // field name → the number of its last change here, not yet stored
  var changes = 0;
  // This page, for the server: with the number of the change a save carries, a save that
  // arrives late (given up on here, sent again since) never undoes a newer one.
  var page = (function () {
    var bytes = new Uint8Array(8);
    if (window.crypto && window.crypto.getRandomValues) {
      window.crypto.getRandomValues(bytes);
    } else {
      for (var i = 0; i < bytes.length; i += 1) { bytes[i] = Math.floor(Math.random() * 256); }
    }
    return Array.prototype.map.call(bytes, function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
  }());
  var sending = false;
  var again = false;
  var delay = 1000;
  var timer = null;

  var tokenUrl = status.getAttribute("data-token-url");
  var submitting = false;  // the submission is on its way: a second tap does nothing
  var later = null;  // "Save for later" was pressed: its address, where the form then goes
  var submitAction = form.action;  // the submission's: the form's own
  var waiting = false;  // a submission waits for the saves
  var renewed = false;  // the token was renewed since the last stored save
  var conflict = false;  // a save refused for the attempt itself (submitted elsewhere, quiz
                         // changed): Submit then sends the page's answers for the server to say
  var SAVE_TIMEOUT = 15000;  // a save with no answer by then is tried again
  var unsent = false;  // Submit was pressed and nothing was sent: the line keeps saying so

  var said = document.getElementById("save-said");
  var trouble = null;  // the problem last said out loud: "retrying", or the refusal's text

  // The line shows every state; a screen reader hears only a change that matters: saves that
  // stopped (said once, not at each new try), a refusal, and saving working again. A save
  // like the others says nothing (the progress counter says the answers given).
  // `complete`: every question has a saved answer — saved is still not handed in (a student
  // who read « all saved » left without submitting), so the line says what to press.
  function say(kind, text, complete) {
    if (unsent && kind === "retrying") {
      text = unsentLabel();  // still not sent: said until it is
    } else if ((unsent || complete) && kind === "saved") {
      text += " " + label("press-submit");
    }
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

  // What a press that sent nothing says: Submit's, or "Save for later"'s (no hand-in meant).
  function unsentLabel() { return label(later ? "not-saved" : "not-submitted"); }

  // The questions answered on this page (one checked choice each).
  function answeredHere() {
    var names = {};
    form.querySelectorAll("input[type=radio]:checked").forEach(function (input) {
      names[input.name] = true;
    });
    return Object.keys(names).length;
  }

  // A submission that waited for saves that did not go through: not sent, and said — why,
  // when the server refused (`reason`), else the connection.
  function notSubmitted(reason) {
    if (!waiting) { return false; }
    waiting = false;
    unsent = true;
    say("failed", reason || unsentLabel());
    return true;
  }

  function submitNow() {
    waiting = false;
    unsent = false;
    submitting = true;
    form.action = later || submitAction;  // "Save for later": its own address
    var mark = document.createElement("input");
    mark.type = "hidden";
    mark.name = "all_saved";
    mark.value = "1";
    form.appendChild(mark);
    // No submit event (this handler does not run again); the prototype's submit(), since
    // the form's button named "submit" hides the form's own.
    HTMLFormElement.prototype.submit.call(form);
  }

  // The token of this session, when the page's is from an ended one; then (`then`) the
  // save again. Without `then`, quietly (the tab seen again: a login in another one may
  // have made a new session).
  function renewToken(then) {
    if (then) { renewed = true; }  // once per failed save: no loop
    fetch(tokenUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        return response.json().catch(function () { return null; }).then(function (reply) {
          if (response.ok && reply && reply.csrf_token) {
            form.querySelectorAll("input[name=csrf_token]").forEach(function (input) {
              input.value = reply.csrf_token;
            });
            if (then) { then(); }
          } else if (then && !notSubmitted(reply && reply.error)) {
            say("failed", (reply && reply.error) || label("failed"));
          }
        });
      }).catch(function () { if (then) { retry(); } });
  }

  function retry() {
    if (notSubmitted()) {
      status.setAttribute("data-state", "retrying");
    } else {
      say("retrying", label("retrying"));
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(send, delay);
    delay = Math.min(delay * 2, 30000);
  }

  function body(names) {
    var data = new FormData();
    data.append("csrf_token", token ? token.value : "");
    data.append("page", page);
    data.append("change", String(changes));  // the answers sent are those of this change
    names.forEach(function (name) {
      var picked = form.querySelector("input[type=radio][name='" + name + "']:checked");
      if (picked) { data.append(name, picked.value); }
    });
    return data;
  }

  function send(leaving) {
    window.clearTimeout(timer);
    var names = Object.keys(changed);
    if (!names.length) {
      if (waiting && !sending) { submitNow(); }  // stored meanwhile: the submission goes
      return;
    }
    var sent = {};
    names.forEach(function (name) { sent[name] = changed[name]; });
    if (sending && !leaving) { again = true; return; }
    sending = true;
    again = false;
    say("saving", label("saving"));
    // A request that hangs (a network that lets nothing through, nor says so) is given up
    // after SAVE_TIMEOUT and tried again: a submission waiting for it is not stuck.
    var abort = (window.AbortController && !leaving) ? new AbortController() : null;
    var watchdog = abort ? window.setTimeout(function () { abort.abort(); }, SAVE_TIMEOUT)
      : null;
    fetch(url, {
      method: "POST", body: body(names), credentials: "same-origin", keepalive: !!leaving,
      redirect: "manual", headers: { "Accept": "application/json" },
      signal: abort ? abort.signal : undefined
    }).then(function (response) {
      window.clearTimeout(watchdog);
      return response.json().catch(function () { return null; }).then(function (reply) {
        sending = false;
        if (response.ok && reply && typeof reply.answered === "number") {
          names.forEach(function (name) {  // unless changed again while this was on its way
            if (changed[name] === sent[name]) { delete changed[name]; }
          });
          delay = 1000;
          renewed = false;
          conflict = false;
          // In the school's time zone, as every time the pages show (not the device's).
          var when = { hour: "2-digit", minute: "2-digit" };
          if (status.getAttribute("data-zone")) { when.timeZone = status.getAttribute("data-zone"); }
          // In the region the pages write times for (en-GB: 18:00; en: 6:00 PM).
          var locale = status.getAttribute("data-locale") || document.documentElement.lang;
          var time;
          try {
            time = new Date().toLocaleTimeString(locale, when);
          } catch (error) {  // a zone this browser does not know: its own
            time = new Date().toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" });
          }
          var text = label("saved").replace("{answered}", reply.answered)
            .replace("{total}", reply.total).replace("{time}", time);
          if (reply.answered > answeredHere()) {  // the others were chosen on another device
            text += " " + label("elsewhere");
          }
          say("saved", text, reply.answered === reply.total);
          if (again || Object.keys(changed).length) {
            send();
          } else if (waiting) {
            submitNow();
          }
        } else if (reply && reply.csrf && tokenUrl && !renewed) {
          renewToken(send);
        } else if (response.status >= 400 && response.status < 500 && response.status !== 429) {
          conflict = response.status === 409;
          var reason = (reply && reply.error) || label("failed");
          if (!notSubmitted(reason)) { say("failed", reason); }
          if (reply && reply.url) {  // submitted elsewhere: its result, a tap away
            var link = document.createElement("a");
            link.href = reply.url;
            link.textContent = label("see-result");
            status.appendChild(document.createTextNode(" "));
            status.appendChild(link);
          }
        } else if (response.type === "opaqueredirect") {
          // Sent to another page (the login): not stored.
          if (!notSubmitted()) { say("failed", label("failed")); }
        } else {
          retry();
        }
      });
    }).catch(function () {
      window.clearTimeout(watchdog);
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
  form.addEventListener("submit", function (event) {
    var by = event.submitter;
    if (submitting || waiting) {  // a second tap: the first is on its way
      event.preventDefault();
      return;
    }
    // "Save for later" waits for the saves as Submit does, then sends all_saved: the page's
    // older answers never undo one chosen since on another device.
    later = by && by.hasAttribute("formaction") ? by.formAction : null;
    if (conflict) {  // submitted elsewhere, or the quiz changed: the server says what now
      submitting = true;
      return;
    }
    if (!Object.keys(changed).length && !sending) {
      event.preventDefault();
      submitNow();
      return;
    }
    event.preventDefault();
    waiting = true;
    say("saving", label("saving"));
    send();
  });
  // Back in this tab (e.g. after logging in again in another one): the form token of this
  // session, and a save that failed for the session tried again at once.
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState !== "visible") { return; }
    if (Object.keys(changed).length && status.getAttribute("data-state") === "failed") {
      send();
    } else if (tokenUrl && !sending) {
      renewToken(null);
    }
  });
  // Back to this page from the browser's history, as it was: a submission that left it did
  // not happen here, and the buttons work again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) { return; }
    submitting = false;
    waiting = false;
    later = null;
    form.action = submitAction;  // "Save for later" had sent it to its own address
    form.querySelectorAll("input[name=all_saved]").forEach(function (mark) { mark.remove(); });
  });
  // Closing the page with a choice not stored: the browser asks first.
  window.addEventListener("beforeunload", function (event) {
    if (Object.keys(changed).length && !submitting) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
  // Leaving with a choice not yet stored: one last try that outlives the page.
  window.addEventListener("pagehide", function () { send(true); });
}());
