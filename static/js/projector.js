// Projector view: refresh the class board every 3 seconds without reloading the page.
// Rows are updated in place (text only), so the screen does not flicker.
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
  var doneLabel = board.getAttribute("data-done") || "%(done)s / %(of)s";
  var parts = ["pos", "name", "tie", "pts", "done"];

  function setText(node, text) {
    if (node.textContent !== text) { node.textContent = text; }
  }

  // The same five spans as templates/boards/projector.html renders.
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
    setText(spans[3], standing.score + "\u00a0/\u00a0" + standing.out_of);
    setText(spans[4], doneLabel.replace("%(done)s", standing.done).replace("%(of)s", standing.of));
  }

  function fill(list, standings) {
    while (list.children.length > standings.length) { list.removeChild(list.lastElementChild); }
    standings.forEach(function (standing, i) {
      var li = list.children[i];
      if (!li) { li = document.createElement("li"); list.appendChild(li); }
      row(li, standing);
    });
  }

  function refresh() {
    fetch(source, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        var standings = data.standings;
        fill(topList, standings.slice(0, topCount));
        fill(restList, standings.slice(topCount));
        restCount.textContent = Math.max(0, standings.length - topCount);
        rest.hidden = standings.length <= topCount;
        if (empty) { empty.hidden = standings.length > 0; }
        board.setAttribute("data-refreshed", String(Date.now()));
      })
      .catch(function () { /* the next round tries again */ });
  }

  window.setInterval(refresh, 3000);
}());
