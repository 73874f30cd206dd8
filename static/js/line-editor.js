// The upload page's editor (teacher/upload.html): a file sent back with errors, each error
// beside its line. The line numbers and the notes sit behind the transparent text box; this
// keeps them in step with the text as it is edited (a note stays while its line is unchanged
// at its place), selects the first error's line, or its value (the focus stays on the error
// summary, as on every form sent back: the editor, reached from it, opens there), and makes
// each link of the summary take the focus to its line. Without it the page still shows the
// file as it came.
(function () {
  "use strict";
  var editor = document.getElementById("line-editor");
  if (!editor) { return; }
  var area = editor.querySelector("textarea");
  var gutter = editor.querySelector(".line-gutter");
  var rows = editor.querySelector(".line-rows");
  var scroller = editor.querySelector(".line-scroll");
  var original = Array.prototype.map.call(rows.children, function (row) {
    return {
      text: row.querySelector(".line-text").textContent,
      notes: Array.prototype.map.call(row.querySelectorAll(".line-note"),
                                      function (note) { return note.textContent; })
    };
  });

  function noted(lines, n) {
    var before = original[n];
    return before && before.notes.length && lines[n] === before.text ? before.notes : [];
  }

  function render() {
    var lines = area.value.split("\n");
    var numbers = document.createDocumentFragment();
    var drawn = document.createDocumentFragment();
    lines.forEach(function (line, n) {
      var notes = noted(lines, n);
      var number = document.createElement("div");
      var row = document.createElement("div");
      var text = document.createElement("span");
      number.textContent = String(n + 1);
      row.className = "line-row";
      text.className = "line-text";
      text.textContent = line;
      row.appendChild(text);
      notes.forEach(function (message) {
        var note = document.createElement("span");
        note.className = "line-note";
        note.textContent = message;
        row.appendChild(note);
      });
      if (notes.length) {
        number.className = "has-note";
        row.className += " has-note";
      }
      numbers.appendChild(number);
      drawn.appendChild(row);
    });
    gutter.replaceChildren(numbers);
    rows.replaceChildren(drawn);
  }

  // The line's value is selected, so that what the error's hint says to type replaces it: of
  // a field's line ("Language: français", « Langue : français »), what follows its name;
  // of any other line, the whole of it.
  var FIELD = /^\s*[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F '’-]{0,29}\s*:\s*/;

  // `whole`: the error is in the field's name (an unknown field): the line is selected whole.
  function select(number, whole) {
    var lines = area.value.split("\n");
    var start = 0;
    for (var n = 0; n < number - 1 && n < lines.length; n += 1) { start += lines[n].length + 1; }
    var line = lines[number - 1] || "";
    var name = whole ? null : FIELD.exec(line);
    var from = name && name[0].length < line.length ? name[0].length : 0;
    area.setSelectionRange(start + from, start + line.length);
  }

  function goTo(number, whole) {
    area.focus({preventScroll: true});
    select(number, whole);
    var row = rows.children[number - 1];
    if (row) { row.scrollIntoView({block: "center"}); }
    scroller.scrollLeft = 0;
    showNotes();
  }

  // On a screen too narrow for a note beside its line (a phone), the notes of the line the
  // cursor is on are shown under it, wrapped to the visible width, while the text box has the
  // focus (they cover the lines below until the cursor leaves the line).
  var popup = document.createElement("div");
  popup.className = "line-popup";
  popup.hidden = true;
  popup.setAttribute("aria-hidden", "true");  // the summary above gives each error to readers
  editor.querySelector(".line-canvas").appendChild(popup);

  function showNotes() {
    var number = area.value.slice(0, area.selectionStart).split("\n").length;
    var row = rows.children[number - 1];
    var notes = row ? row.querySelectorAll(".line-note") : [];
    var cut = Array.prototype.some.call(notes, function (note) {
      return note.getBoundingClientRect().right > scroller.getBoundingClientRect().right + 1;
    });
    popup.hidden = document.activeElement !== area || !cut;
    if (popup.hidden) { return; }
    popup.replaceChildren.apply(popup, Array.prototype.map.call(notes, function (note) {
      var line = document.createElement("p");
      line.textContent = note.textContent;
      return line;
    }));
    popup.style.left = (scroller.scrollLeft + 4) + "px";
    popup.style.width = (scroller.clientWidth - 8) + "px";
    // Under the line, or above it when no line is below it to cover (the file's last lines:
    // the box would be cut at the editor's bottom edge).
    var below = row.offsetTop + row.offsetHeight;
    var fits = below + popup.offsetHeight <= popup.parentNode.clientHeight;
    popup.style.top = (fits ? below : Math.max(0, row.offsetTop - popup.offsetHeight)) + "px";
  }

  area.addEventListener("input", function () { render(); showNotes(); });
  ["focus", "blur", "keyup", "click", "select"].forEach(function (type) {
    area.addEventListener(type, showNotes);
  });
  scroller.addEventListener("scroll", showNotes);
  window.addEventListener("resize", showNotes);
  // The cursor moved without a key or a click (a phone's caret handle, its space-bar trackpad).
  document.addEventListener("selectionchange", function () {
    if (document.activeElement === area) { showNotes(); }
  });
  Array.prototype.forEach.call(document.querySelectorAll("#problems a[data-line]"), function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      goTo(Number(link.getAttribute("data-line")), link.hasAttribute("data-whole-line"));
    });
  });
  if (area.getAttribute("data-first-line")) {
    select(Number(area.getAttribute("data-first-line")), area.hasAttribute("data-first-whole"));
  }
}());
