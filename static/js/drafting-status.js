// Drafts page: while the drafting job runs, ask its status every 2 s and show it; reload the
// page when the job ends (its drafts, or why it failed). Without JavaScript, the page's
// <noscript> refresh reloads it every 3 s instead.
(function () {
  "use strict";
  var box = document.getElementById("drafting-status");
  var url = box && box.getAttribute("data-status-url");
  var text = document.getElementById("drafting-text");
  if (!url || !text) { return; }
  function poll() {
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (job) {
        if (!job.active) { window.location.reload(); return; }
        text.textContent = job.text;
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });  // offline a moment: try again
  }
  window.setTimeout(poll, 2000);
}());
