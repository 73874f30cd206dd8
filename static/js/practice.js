// Practice mode: after an answer, the focus goes to its feedback (right or wrong, the
// explanation, the passage), so a screen reader reads it first and Tab reaches "Next".
// The window shows the question above it (the page's address ends in #practice-question):
// the student reads what was asked with the verdict, unless the question is so long that
// the verdict would be out of sight — then the feedback comes to the top.
(function () {
  "use strict";
  var feedback = document.getElementById("feedback");
  var question = document.getElementById("practice-question");
  if (!feedback) { return; }
  function place() {
    feedback.focus({ preventScroll: true });
    if (question) { question.scrollIntoView(); }
    var verdict = feedback.querySelector(".feedback-verdict");
    if (!question || (verdict && verdict.getBoundingClientRect().bottom > window.innerHeight)) {
      feedback.scrollIntoView();
    }
  }
  // Once loaded: the browser's scroll to #practice-question, which comes then, would take the
  // focus back to the page.
  if (document.readyState === "complete") { place(); } else { window.addEventListener("load", place); }
}());
