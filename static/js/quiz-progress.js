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
    counter.textContent = template.replace("{answered}", answered).replace("{total}", groups.length);
  }
  form.addEventListener("change", update);
  counter.hidden = false;
  update();
}());
