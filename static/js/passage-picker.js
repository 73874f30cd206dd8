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
