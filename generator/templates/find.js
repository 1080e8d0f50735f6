// The search page with filters (find.md): Pagefind's interface over the index built after MkDocs.
// Served from find.js beside the page; the offline copy has no Pagefind and keeps its notice.
//
// One search at a time: the page's query travels as ?query=…, not ?q=…, because Material opens its
// own search dialog over any page whose address has ?q= (its "share" links). A ?q= that arrives
// (such a link, an old bookmark) is renamed before Material's script, which runs after this one,
// reads the address. While Pagefind runs here, Material's box is hidden (briefing.css) and its
// keys, "/" and "s", go to this page's box.
if (window.PagefindUI) {
  document.getElementById("find-unavailable").hidden = true;
  document.documentElement.classList.add("briefing-finding");
  var params = new URLSearchParams(location.search);
  var query = params.get("query") || params.get("q");
  if (params.has("q")) {
    params.delete("q");
    if (query) params.set("query", query);
    history.replaceState(history.state, "", location.pathname + (params.toString() ? "?" + params : "") + location.hash);
  }
  // The index comes in bundles (generator/search.py): the main one beside this page's scripts, the
  // others listed in bundles.json. They are merged into Pagefind's module (mergeIndex) and the full
  // filter list is loaded before the interface starts: the interface keeps the filter groups of
  // whichever answer comes first, the full list or the first search's (only the groups whose data
  // had loaded), and it shares this module and what it loaded. A query from the address runs after.
  var base = new URL("../pagefind/", location.href);  // this page is find/, the index beside it
  var ready = fetch(new URL("bundles.json", base)).then(function (r) { return r.ok ? r.json() : []; })
    .catch(function () { return []; })
    .then(function (bundles) {
      return import(new URL("pagefind.js", base).href).then(function (p) {
        return Promise.all(bundles.map(function (path) { return p.mergeIndex(new URL(path, base).href); }))
          .then(function () { return p.filters(); });
      });
    }).catch(function () {});
  ready.then(function () { start(query); });
}

function start(query) {
  var ui = new PagefindUI({
    element: "#find", showSubResults: true, showImages: false, resetStyles: false, debounceTimeoutMs: 60,
    openFilters: ["kind", "theme", "publication", "year"],  // every group shows its values at once
    processTerm: function (term) {  // the address follows the box, so a search can be shared or kept
      var now = new URLSearchParams(location.search);
      if (term) now.set("query", term); else now.delete("query");
      history.replaceState(history.state, "", location.pathname + (now.toString() ? "?" + now : "") + location.hash);
      return term;
    }
  });
  if (query) ui.triggerSearch(query);
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || target.isContentEditable ||
        /^(input|select|textarea)$/i.test(target.tagName)) return;
    if (event.key === "/" || event.key === "s" || event.key === "S") {
      var box = document.querySelector("#find .pagefind-ui__search-input");
      if (box) { event.preventDefault(); event.stopPropagation(); box.focus(); }
    }
  }, true);
}
