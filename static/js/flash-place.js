// A page opened at a place (#members, #q-…) after an action: the browser scrolls there, past
// the messages at the top of the page saying what the action did (and how to undo it). They
// are moved to just above that place, and shown. Without JavaScript they stay at the top.
(function () {
  "use strict";
  var flashes = document.querySelector(".flashes");
  var id;
  try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { return; }
  var target = id && document.getElementById(id);
  if (!flashes || !target || target.contains(flashes)) { return; }
  if (target.tagName === "LI") {
    target.insertBefore(flashes, target.firstChild);  // a question of a list: inside it
  } else {
    var table = target.closest("table");
    (table || target).parentNode.insertBefore(flashes, table || target);
  }
  // After the browser's own scroll to the place, which comes once the page has loaded.
  function show() { flashes.scrollIntoView({block: "start"}); }
  if (document.readyState === "complete") { show(); } else { window.addEventListener("load", show); }
}());
