// Spelling-tolerant header search. Material's search (lunr) offers fuzzy terms ("word~2") but types
// none itself: each plain word of a query is sent as itself, first (`word*^10`: exact and prefix
// matches rank first, as before), and again with an edit distance by its length (the usual "auto":
// 1 for 4 or 5 letters, 2 beyond), so "Edinbourgh" finds Edinburgh. Words with lunr's own operators
// (+ - * ~ ^ :) and quoted phrases are left as typed. The patch wraps the one call that carries a
// query to Material's search worker ({type: 2, data: query}, Material 9.x); the offline copy's
// worker stand-in is not a Worker and keeps exact search.
(function () {
  if (!window.Worker) return;
  var post = Worker.prototype.postMessage;
  function tolerant(query) {
    if (query.indexOf('"') !== -1) return query;
    return query.split(/\s+/).map(function (word) {
      if (!/^[\p{L}\p{N}]{4,}$/u.test(word)) return word;
      return word + "*^10 " + word + "~" + (word.length > 5 ? 2 : 1);
    }).join(" ");
  }
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 2 && typeof message.data === "string") {
      arguments[0] = {type: 2, data: tolerant(message.data)};
    }
    return post.apply(this, arguments);
  };
})();
