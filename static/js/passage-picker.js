// Question editor: copy the text selected in the article into the Passage field.
// The server checks the passage against the article on save, as the question-file validator does.
// With the keyboard alone: the article is a read-only text box (Shift + arrows select in it, as
// in any text box), the last selection made in it is kept while the focus moves on, and the
// button comes right after it.
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

  // A caret to move and select with, but nothing to change: every edit is refused.
  article.contentEditable = "true";
  article.spellcheck = false;
  article.setAttribute("role", "textbox");
  article.setAttribute("aria-multiline", "true");
  article.setAttribute("aria-readonly", "true");
  article.setAttribute("aria-labelledby", "article-heading");
  article.setAttribute("aria-describedby", "picker-help");
  ["beforeinput", "paste", "drop", "cut"].forEach(function (type) {
    article.addEventListener(type, function (event) { event.preventDefault(); });
  });
  var section = article.closest("[tabindex]");
  if (section) { section.removeAttribute("tabindex"); }  // the text box takes the focus now

  // The saved passage in view where the article scrolls on its own (beside the form, on a
  // wide screen); on a phone the article is part of the page, which stays at its top.
  var mark = article.querySelector("mark");
  var pane = article.closest(".editor-article");
  if (mark && pane && pane.scrollHeight > pane.clientHeight) {
    pane.scrollTop += mark.getBoundingClientRect().top - pane.getBoundingClientRect().top
      - pane.clientHeight / 3;
  }

  function selectedText() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed) { return ""; }
    if (!article.contains(selection.anchorNode) || !article.contains(selection.focusNode)) {
      return null;
    }
    // The words on the page, without the highlighted passage's words for screen readers.
    var copy = document.createElement("div");
    copy.appendChild(selection.getRangeAt(0).cloneContents());
    copy.querySelectorAll(".visually-hidden").forEach(function (el) { el.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }
  var kept = "";
  document.addEventListener("selectionchange", function () {
    var text = selectedText();
    if (text) { kept = text; }
  });

  button.hidden = false;
  button.addEventListener("click", function () {
    var text = selectedText();
    if (text === null) { status.textContent = script.dataset.outside; return; }
    text = text || kept;
    if (!text) { status.textContent = script.dataset.empty; return; }
    passage.value = text;
    status.textContent = script.dataset.done;
    passage.focus();
  });
}());
