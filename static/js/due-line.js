// Quiz page of an assignment with a due date: when the moment passes while the page is open,
// the due line gives way to the notice the page shows when loaded after it — handed in now,
// the attempt is late and counts on no board (the results said so, after the submission).
(function () {
  "use strict";
  var line = document.getElementById("due-line");
  var late = document.getElementById("late-warning");
  if (!line || !late || !late.hidden) { return; }
  var due = Date.parse(line.getAttribute("data-due"));
  if (isNaN(due)) { return; }
  function check() {
    var left = due - Date.now();
    if (left < 0) {
      line.hidden = true;
      late.hidden = false;
      return;
    }
    // At most a day at a time: a timer's delay is capped (about 24 days), and a phone that
    // sleeps wakes with its timers late, not early.
    setTimeout(check, Math.min(left + 1000, 86400000));
  }
  check();
}());
