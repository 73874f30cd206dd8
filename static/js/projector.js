// Projector view: refresh the class board (overall, or a quiz's) every 3 seconds without
// reloading the page. Rows are updated in place (text only), so the screen does not flicker,
// and only when the board changed; a button pauses the updates (WCAG 2.2.2).
(function () {
  "use strict";
  var board = document.getElementById("projector-board");
  if (!board) { return; }
  var source = board.getAttribute("data-source");
  var topCount = parseInt(board.getAttribute("data-top"), 10) || 10;
  var topList = document.getElementById("projector-top");
  var rest = document.getElementById("projector-rest");
  var restList = document.getElementById("projector-rest-list");
  var restCount = document.getElementById("projector-rest-count");
  var empty = document.getElementById("projector-empty");

  var tiedLabel = board.getAttribute("data-tied") || "";
  var parts = ["pos", "name", "tie", "pts", "done"];

  function setText(node, text) {
    if (node.textContent !== text) { node.textContent = text; }
  }

  // The same five spans as templates/boards/projector.html renders, with the texts board.json
  // gives (the points, then how many done or the share of right answers).
  function row(li, standing) {
    if (li.children.length !== parts.length) {
      li.textContent = "";
      parts.forEach(function (cls) {
        var span = document.createElement("span");
        span.className = cls;
        li.appendChild(span);
        li.appendChild(document.createTextNode(" "));
      });
    }
    var spans = li.children;
    var ranked = standing.position !== null;
    li.className = ranked && standing.position <= 3 ? "podium" : "";
    setText(spans[0], ranked ? String(standing.position) : "\u2014");
    setText(spans[1], standing.name);
    setText(spans[2], standing.tied ? tiedLabel : "");
    setText(spans[3], standing.points);
    setText(spans[4], standing.detail);
  }

  function fill(list, standings) {
    while (list.children.length > standings.length) { list.removeChild(list.lastElementChild); }
    standings.forEach(function (standing, i) {
      var li = list.children[i];
      if (!li) { li = document.createElement("li"); list.appendChild(li); }
      row(li, standing);
    });
  }

  var more = document.getElementById("projector-more");
  var state = document.getElementById("projector-state");
  var pause = document.getElementById("projector-pause");
  var status = document.getElementById("projector-status");
  var interval = parseInt(board.getAttribute("data-interval"), 10) || 3000;
  var changedLabel = board.getAttribute("data-changed") || "";
  var timer = null;
  var last = null;  // the last answer's text: nothing is rewritten while the board is the same

  function refresh() {
    fetch(source, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (text) {
        if (!text || text === last || timer === null) { return; }
        var first = last === null;
        last = text;
        var data = JSON.parse(text);
        var standings = data.standings;
        fill(topList, standings.slice(0, topCount));
        fill(restList, standings.slice(topCount));
        setText(restCount, String(Math.max(0, data.count - topCount)));
        rest.hidden = data.count <= topCount;
        if (more) { more.hidden = data.count <= standings.length; }
        if (empty) { empty.hidden = data.count > 0; }
        // One short sentence for screen readers when the board changes (the rows themselves
        // are not a live region: a submission rewrites many of them at once).
        if (!first) { setText(status, status.textContent === changedLabel ? changedLabel + "\u00a0" : changedLabel); }
      })
      .catch(function () { /* the next round tries again */ });
  }

  function run(on) {
    if (on && timer === null) {
      timer = window.setInterval(refresh, interval);
    } else if (!on && timer !== null) {
      window.clearInterval(timer);
      timer = null;
    }
    setText(pause, pause.getAttribute(on ? "data-pause" : "data-resume"));
    setText(state, state.getAttribute(on ? "data-running" : "data-paused"));
  }

  pause.hidden = false;
  pause.addEventListener("click", function () { run(timer === null); });
  refresh();  // the first answer is what the page shows: it sets `last`
  run(true);
}());
