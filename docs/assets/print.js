// Printed pages keep where each citation leads: every link in the text to a source page, or to
// another site, carries its full address, which the print style writes after the link
// (briefing.css, @media print), once: a "¶ 4" after a citation of the same paragraph adds
// nothing. Links within the page and to the briefing's other pages carry none.
(function () {
  function mark() {
    document.querySelectorAll(".md-content article a[href]").forEach(function (a) {
      var href = a.getAttribute("href");
      if (!href || href.charAt(0) === "#" || a.classList.contains("headerlink")) return;
      if (!(/^https?:/i.test(href) || /(^|\/)sources\/[^/]+(\/|\.html)?(#|$)/.test(href))) return;
      var before = a.parentElement.querySelectorAll("a[data-print-url]");
      for (var i = 0; i < before.length; i++) if (before[i].href === a.href) return;
      a.setAttribute("data-print-url", a.href);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark); else mark();
})();
