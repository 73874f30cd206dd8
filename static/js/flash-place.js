// The messages saying what an action did (and how to undo it), at the top of the page.
// They take the focus, so that a screen reader reads them: shown with the page, as a live
// region they are not announced (a page's title alone was). Not where another element takes
// the focus when the page opens (an error summary, a question to answer: autofocus).
// A page opened at a place (#members, #q-…) after an action: the browser scrolls there, past
// the messages; they are moved to just above that place, and shown. Without JavaScript they
// stay at the top.
(function () {
  "use strict";
  var flashes = document.querySelector(".flashes");
  if (!flashes) { return; }
  function focus() {
    if (document.querySelector("[autofocus]")) { return; }
    if (document.activeElement && document.activeElement !== document.body) { return; }
    flashes.focus({preventScroll: true});
  }
  var id;
  try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { id = ""; }
  var target = id && document.getElementById(id);
  if (!target || target.contains(flashes)) { focus(); return; }
  if (target.tagName === "LI") {
    target.insertBefore(flashes, target.firstChild);  // a question of a list: inside it
  } else {
    var table = target.closest("table");
    (table || target).parentNode.insertBefore(flashes, table || target);
  }
  // After the browser's own scroll to the place, which comes once the page has loaded.
  function show() { flashes.scrollIntoView({block: "start"}); focus(); }
  if (document.readyState === "complete") { show(); } else { window.addEventListener("load", show); }
}());
