// Quiz page: "Answered 4 of 12", kept up to date as the student picks answers.
(function () {
  "use strict";
  var counter = document.getElementById("quiz-progress");
  var form = document.getElementById("answer-form");
  if (!counter || !form) { return; }
  var groups = form.querySelectorAll("fieldset.question");
  var template = counter.getAttribute("data-template");
  function update() {
    var answered = 0;
    groups.forEach(function (group) {
      if (group.querySelector("input[type=radio]:checked")) { answered += 1; }
    });
    var text = template.replace("{answered}", answered).replace("{total}", groups.length);
    // Only when the count changes: a live region rewritten with the same text on every arrow
    // press inside an answered group is read out again each time.
    if (counter.textContent !== text) { counter.textContent = text; }
  }
  form.addEventListener("change", update);
  counter.hidden = false;
  update();
  // After a submission with unanswered questions: the summary of them, with its links.
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
}());
