/* Search ranking and result snippets for search.html (conf.py: html_search_scorer).
 *
 * Sphinx scores a word in a page's title the same as the word in any section
 * heading and breaks ties alphabetically, so the page about from_numpy came
 * eighth for "from_numpy". A page whose own title names a searched word now
 * ranks above pages that only mention it. Everything else is Sphinx's default.
 *
 * A result's snippet is cut from the page's text. Sphinx takes that text from
 * the whole article, so on an example page every snippet used to begin with the
 * "Go to the end" note and the provenance line: those are left out here.
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

// Page furniture that is the same on every page says nothing about a result.
const SNIPPET_SKIPS = [
  ".sphx-glr-download-link-note", // "Go to the end to download the full example code"
  ".example-provenance", // the versions and device behind the outputs
  ".example-not-executed",
  ".cuda-build-status",
  ".sphx-glr-footer", // download buttons
  ".sphx-glr-signature",
];
if (typeof Search !== "undefined") {
  const htmlToText = Search.htmlToText;
  Search.htmlToText = (htmlString, anchor) => {
    const page = new DOMParser().parseFromString(htmlString, "text/html");
    page.querySelectorAll(SNIPPET_SKIPS.join(",")).forEach((node) => node.remove());
    return htmlToText(page.documentElement.outerHTML, anchor);
  };
}
