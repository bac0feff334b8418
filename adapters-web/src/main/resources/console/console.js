// Tentabo PRM console: drag and drop on the lead board. Everything also works without it: each card has a menu of
// the statuses it may move to and a Move button (the keyboard way), and the pages work without JavaScript at all.
(function () {
  "use strict";
  var dragged = null;
  function allowed(card) { return (card.getAttribute("data-allowed") || "").split(" "); }
  document.addEventListener("dragstart", function (e) {
    var card = e.target.closest && e.target.closest(".lead-card[draggable='true']");
    if (!card) { return; }
    dragged = card;
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", card.id);
    document.querySelectorAll(".column").forEach(function (col) {
      if (allowed(card).indexOf(col.getAttribute("data-status")) >= 0) { col.classList.add("drop-ok"); }
    });
  });
  document.addEventListener("dragend", function () {
    dragged = null;
    document.querySelectorAll(".column.drop-ok").forEach(function (col) { col.classList.remove("drop-ok"); });
  });
  document.addEventListener("dragover", function (e) {
    var col = e.target.closest && e.target.closest(".column");
    if (dragged && col && allowed(dragged).indexOf(col.getAttribute("data-status")) >= 0) { e.preventDefault(); }
  });
  document.addEventListener("drop", function (e) {
    var col = e.target.closest && e.target.closest(".column");
    if (!dragged || !col) { return; }
    var status = col.getAttribute("data-status");
    if (allowed(dragged).indexOf(status) < 0) { return; }
    e.preventDefault();
    var form = dragged.querySelector("form");
    form.querySelector("select[name='status']").value = status;
    form.requestSubmit ? form.requestSubmit() : form.submit();
  });
})();
