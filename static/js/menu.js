// Phones: the header's links fold under a "Menu" button, so the header takes one line.
(function () {
  "use strict";
  var button = document.getElementById("menu-button");
  var nav = document.getElementById("site-nav");
  if (!button || !nav) { return; }
  document.documentElement.classList.add("menu-folds");
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("open", open);
  });
  // Escape closes the open menu from the menu or its button only (or with the focus nowhere:
  // Safari does not focus a clicked button): the focus elsewhere on the page (a link of the
  // content, reached by Tab) stays where it is.
  document.addEventListener("keydown", function (event) {
    var active = document.activeElement;
    var inMenu = !active || active === document.body || active === button || nav.contains(active);
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true" && inMenu) {
      button.click();
      button.focus();
    }
  });
}());
