// Tables on a phone: a table wider than the text column, and on a narrow screen any table of four
// columns or more (squeezed, its columns become a word wide), is shown as stacked rows, each cell
// under its column's name, so that nothing scrolls sideways and no word is cut off (briefing.css,
// .stacked). Column names come from the table's header row; other tables stay as they are.
// Without JavaScript, Material's own sideways scrolling remains.
(function () {
  function label(table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) return false;
    var names = Array.prototype.map.call(head.cells, function (cell) { return cell.textContent.trim(); });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, i) {
          if (names[i] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", names[i]);
        });
      });
    });
    return true;
  }
  var narrow = window.matchMedia("(max-width: 44.9375em)");
  function fit() {
    document.querySelectorAll(".md-typeset table").forEach(function (table) {
      if (!label(table)) return;
      table.classList.remove("stacked");
      var column = table.closest(".md-content__inner") || document.body;
      if ((narrow.matches && table.tHead.rows[0].cells.length >= 4) || table.scrollWidth > column.clientWidth + 1 ||
          table.getBoundingClientRect().right > column.getBoundingClientRect().right + 1) {
        table.classList.add("stacked");
      }
    });
  }
  var waiting = 0;
  function soon() { cancelAnimationFrame(waiting); waiting = requestAnimationFrame(fit); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fit); else fit();
  window.addEventListener("resize", soon);
  window.addEventListener("load", soon);
})();
