// Quiz page: each answer is stored on the server as it is chosen (the form's choices so far,
// POSTed to student.save with the page's CSRF token). The line #save-status says what is
// saved; a save that fails for the connection or the server is tried again (1 s, 2 s, 4 s…
// up to 30 s, and at once when the browser is back online), never dropped in silence. A save
// the server refuses (4xx: submitted elsewhere, quiz changed, page too old) shows its reason
// and waits for the student. Without JavaScript the "Save my answers" button does the same.
(function () {
  "use strict";
  var form = document.getElementById("answer-form");
  var status = document.getElementById("save-status");
  if (!form || !status || !window.fetch || !window.FormData) { return; }
  var url = status.getAttribute("data-url");
  var sending = false;
  var again = false;
  var delay = 1000;
  var timer = null;

  function say(kind, text) {
    status.textContent = text;
    status.setAttribute("data-state", kind);
  }

  function label(kind) { return status.getAttribute("data-" + kind) || ""; }

  function retry() {
    say("retrying", label("retrying"));
    window.clearTimeout(timer);
    timer = window.setTimeout(send, delay);
    delay = Math.min(delay * 2, 30000);
  }

  function send() {
    window.clearTimeout(timer);
    if (sending) { again = true; return; }
    sending = true;
    again = false;
    say("saving", label("saving"));
    fetch(url, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        sending = false;
        if (response.ok) {
          delay = 1000;
          var time = new Date().toLocaleTimeString(document.documentElement.lang,
                                                   { hour: "2-digit", minute: "2-digit" });
          say("saved", label("saved").replace("{answered}", body.answered)
              .replace("{total}", body.total).replace("{time}", time));
          if (again) { send(); }
        } else if (response.status >= 400 && response.status < 500 && response.status !== 429) {
          say("failed", body.error || label("failed"));
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
    if (event.target && event.target.type === "radio") { send(); }
  });
  window.addEventListener("online", function () {
    if (status.getAttribute("data-state") === "retrying") { send(); }
  });
}());
