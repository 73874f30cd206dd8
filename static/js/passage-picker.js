// Question editor: copy the text selected in the article into the Passage field.
// The server checks the passage against the article on save, as the question-file validator does.
(function () {
  "use strict";
  var script = document.currentScript;
  var button = document.getElementById("use-selection");
  var article = document.getElementById("picker-article");
  var passage = document.getElementById("passage");
  var status = document.getElementById("selection-status");
  if (!button || !article || !passage) { return; }

  // Show the choices for a multiple-choice question, the true/false answer otherwise.
  var kind = document.getElementById("kind");
  var mcqFields = document.getElementById("mcq-fields");
  var answer = document.getElementById("answer");
  function showKind() {
    var mcq = kind.value === "mcq";
    mcqFields.hidden = !mcq;
    answer.closest(".field").hidden = mcq;
  }
  if (kind && mcqFields && answer) {
    kind.addEventListener("change", showKind);
    showKind();
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    var selection = window.getSelection();
    var text = selection ? selection.toString().replace(/\s+/g, " ").trim() : "";
    if (!text) { status.textContent = script.dataset.empty; return; }
    if (!article.contains(selection.anchorNode) || !article.contains(selection.focusNode)) {
      status.textContent = script.dataset.outside;
      return;
    }
    passage.value = text;
    status.textContent = script.dataset.done;
    passage.focus();
  });
}());
