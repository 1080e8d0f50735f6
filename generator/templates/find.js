// The search page with filters (find.md): Pagefind's interface over the index built after MkDocs.
// Served from find.js beside the page; the offline copy has no Pagefind and keeps its notice.
if (window.PagefindUI) {
  document.getElementById("find-unavailable").hidden = true;
  var ui = new PagefindUI({element: "#find", showSubResults: true, showImages: false,
                           resetStyles: false, openFilters: ["kind", "theme"], debounceTimeoutMs: 60});
  var query = new URLSearchParams(location.search).get("q");  // from the header's box
  // Pagefind's interface keeps the filter groups of whichever answer comes first, the full list
  // or the first search's (only the groups whose data had loaded): load the full list first.
  if (query) import("../pagefind/pagefind.js").then(function (p) { return p.filters(); })
    .catch(function () {}).then(function () { ui.triggerSearch(query); });
}
