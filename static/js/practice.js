// Practice mode: after an answer, the focus goes to its feedback (right or wrong, the
// explanation, the passage), so a screen reader reads it first and Tab reaches "Next".
(function () {
  "use strict";
  var feedback = document.getElementById("feedback");
  if (feedback) { feedback.focus(); }
}());
