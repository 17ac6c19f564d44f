/* Search ranking for search.html (conf.py: html_search_scorer).
 *
 * Sphinx scores a word in a page's title the same as the word in any section
 * heading and breaks ties alphabetically, so the page about from_numpy came
 * eighth for "from_numpy". A page whose own title names a searched word now
 * ranks above pages that only mention it. Everything else is Sphinx's default.
 */
var Scorer = {
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,
  score: (result) => {
    const [, title, , , score] = result;
    const query = new URLSearchParams(window.location.search).get("q") || "";
    const searched = query.toLowerCase().split(/\s+/).filter(Boolean);
    const pageTitle = String(title).split(" > ")[0].toLowerCase();
    const titleWords = pageTitle.split(/[^\p{L}\p{N}_]+/u);
    // Chinese has no spaces between words: look for the term inside the title.
    const named = searched.some(
      (word) => titleWords.includes(word) || (/[^\x00-\x7f]/.test(word) && pageTitle.includes(word)),
    );
    return named ? score + 10 : score;
  },
};
