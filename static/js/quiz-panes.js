// Quiz page on a phone: the article or the questions, one at a time, switched by the bar at
// the top; each keeps its place (the page's scroll position is kept per pane). On wide
// screens (CSS: both side by side, each scrolling on its own) the bar is hidden.
(function () {
  "use strict";
  var layout = document.getElementById("quiz-layout");
  var bar = document.getElementById("pane-switch");
  if (!layout || !bar || !window.matchMedia) { return; }
  var panes = { article: document.getElementById("quiz-article"),
                questions: document.getElementById("quiz-questions") };
  var buttons = bar.querySelectorAll("button[data-pane]");
  var narrow = window.matchMedia("(max-width: 61.99em)");
  var places = {};
  var current = null;

  // Back with unanswered questions, or answers already chosen: the questions; else the
  // article, read first (unless the page says which: data-first).
  function first() {
    if (layout.getAttribute("data-first")) { return layout.getAttribute("data-first"); }
    return document.getElementById("error-summary") ||
      document.querySelector("#answer-form input[type=radio]:checked") ? "questions" : "article";
  }

  function show(name) {
    if (current && current !== name) { places[current] = window.scrollY; }
    current = name;
    Object.keys(panes).forEach(function (key) { panes[key].hidden = key !== name; });
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", button.getAttribute("data-pane") === name ? "true" : "false");
    });
    window.scrollTo(0, places[name] || 0);
  }

  // The button at the article's end: the questions, read from their heading.
  var next = layout.querySelector("[data-pane-next]");
  if (next) {
    next.addEventListener("click", function () {
      show("questions");
      var heading = document.getElementById("questions-heading");
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus({ preventScroll: true });
      }
    });
  }

  function apply() {
    if (next) { next.parentNode.hidden = !narrow.matches; }
    if (narrow.matches) {
      bar.hidden = false;
      layout.classList.add("panes");
      show(current || first());
    } else {
      bar.hidden = true;
      layout.classList.remove("panes");
      Object.keys(panes).forEach(function (key) { panes[key].hidden = false; });
    }
  }

  buttons.forEach(function (button) {
    button.addEventListener("click", function () { show(button.getAttribute("data-pane")); });
  });
  // A link to a question (the summary of unanswered ones) shows the questions first.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href^='#']");
    if (link && narrow.matches && panes.questions.querySelector(link.getAttribute("href"))) {
      if (current !== "questions") { show("questions"); }
    }
  });
  // The bar's real height pins the quiz bar right under it (CSS --pane-switch-height): a
  // reader's own text spacing or a larger font makes it taller than the 2.75rem it has.
  // The quiz bar's (the progress, the autosave's line) keeps a control reached by the keyboard
  // from stopping under them (CSS --quiz-bar-height), on every width.
  var quizBar = layout.querySelector(".quiz-bar");
  function measured(element, name) {  // `name` follows the element's height (first at once)
    new ResizeObserver(function () {
      layout.style.setProperty(name, element.getBoundingClientRect().height + "px");
    }).observe(element);
  }
  if (window.ResizeObserver) {
    measured(bar, "--pane-switch-height");
    if (quizBar) { measured(quizBar, "--quiz-bar-height"); }
  }
  if (narrow.addEventListener) { narrow.addEventListener("change", apply); }
  apply();
}());
