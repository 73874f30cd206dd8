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
  // A question sent back unanswered and answered now is no longer an error: its message, its
  // choices' "invalid" and its line in the summary go (the summary and the note above the
  // article too, once none is left).
  function answered(group) {
    if (!group.classList.contains("has-error")) { return; }
    group.classList.remove("has-error");
    group.removeAttribute("aria-describedby");
    var message = document.getElementById(group.id.replace(/-fieldset$/, "-errors"));
    if (message) { message.remove(); }
    group.querySelectorAll("[aria-invalid]").forEach(function (input) {
      input.removeAttribute("aria-invalid");
    });
    var summary = document.getElementById("error-summary");
    if (!summary) { return; }
    var link = summary.querySelector('a[href="#' + group.id + '"]');
    if (link) { link.closest("li").remove(); }
    // The note above the article (for a page without this script) goes.
    var note = document.getElementById("unanswered-note");
    if (note) { note.hidden = true; }
    var left = Array.prototype.map.call(summary.querySelectorAll("li[data-number]"),
                                        function (item) { return item.dataset.number; });
    if (!left.length) {
      summary.hidden = true;
      // The tab's title no longer counts errors (« Erreurs : 2 éléments à corriger — … »).
      if (summary.dataset.pageTitle) { document.title = summary.dataset.pageTitle; }
      return;
    }
    // The numbers still unanswered, in the summary's title.
    var title = document.getElementById("error-summary-title");
    var template = title && title.dataset[left.length === 1 ? "one" : "many"];
    if (template) {
      // « 2 et 4 », "2 and 4", as the page's own list says it (Babel's, on the server).
      var list = window.Intl && Intl.ListFormat
        ? new Intl.ListFormat(title.dataset.locale || undefined, {type: "conjunction"})
          .format(left)
        : left.join(", ");
      title.textContent = template.replace("{list}", function () { return list; });
    }
  }
  form.addEventListener("change", function (event) {
    var group = event.target.closest("fieldset.question");
    if (group && event.target.checked) { answered(group); }
    update();
  });
  counter.hidden = false;
  update();
  // After a submission with unanswered questions: the summary of them, with its links.
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
}());
