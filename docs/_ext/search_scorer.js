/* Search for search.html: ranks pages on Sphinx's own index (conf.py: html_search_scorer).
 *
 * Sphinx keeps only the pages that hold every searched word and ranks them by
 * one best field, so "copy gpu tensor to cpu fast" found one page and "numpy
 * share memory" put the .numpy() page 21st. Here every searched word counts
 * on its own, in four fields, with the readers' synonyms
 * (docs/_ext/site_search.py hands them to this page with each page's summary):
 *
 * - a word in the page's title weighs most, then in its summary (the page's
 *   description: its first sentences), then in a section heading, then in the
 *   body; a rare word weighs more than one that every page has;
 * - a page that holds more of the searched words ranks above one that holds
 *   fewer, and a title that names them in the searched order ("gpu ... cpu")
 *   above one that names them the other way round;
 * - a word also finds its synonyms (copy, 拷贝, 复制; GPU, CUDA, 显存; ...).
 *
 * The results are listed with their summaries, from the search page itself:
 * a query downloads nothing but the index (html_show_search_summary is off, so
 * Sphinx does not fetch every result page to cut a snippet from it).
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
};

const SiteSearch = {
  // How much a searched word weighs in each field of a page. The address
  // (tensor_to_numpy/plot_02_independent_copies) counts like the summary.
  weights: { title: 6, summary: 3, address: 3, heading: 2, body: 1, partial: 0.5 },
  // A title that is mostly the query itself ("张量转 NumPy" for 张量转numpy).
  wholeTitleBonus: 10,
  // Per two searched words, one after the other in the query, that the title
  // or the address holds in that order, close together: "tensor to numpy" is
  // not "numpy to tensor".
  phraseBonus: 8,
  phraseGap: 12, // characters between the two
  // A section's index lists pages; for the same words, the pages answer.
  indexFactor: 0.8,
  // Words that say nothing about a page in a question ("item vs float").
  extraStopwords: new Set(["vs", "versus", "how", "use", "using", "get", "convert", "的", "转", "把", "用"]),
  han: /\p{Script=Han}/u,
  latinWords: /[\p{L}\p{N}_]+/gu,

  data: () => window.SITE_SEARCH || { synonyms: [], summaries: {} },

  stem: (word) => {
    SiteSearch._stemmer = SiteSearch._stemmer || new Stemmer();
    return SiteSearch._stemmer.stemWord(word.toLowerCase());
  },

  /* A text as its words, each [stem, offset]; Chinese runs stay whole. */
  words: (text, pattern = SiteSearch.latinWords) =>
    [...text.toLowerCase().matchAll(pattern)].map((m) => [
      SiteSearch.han.test(m[0]) ? m[0] : SiteSearch.stem(m[0]),
      m.index,
    ]),

  /* Where a searched form first occurs in a text, or -1. A form of several
   * words ("share memory") occurs where all its words do. */
  find: (form, text, textWords) => {
    if (SiteSearch.han.test(form.word)) return text.toLowerCase().indexOf(form.word);
    let first = -1;
    for (const stem of form.stems) {
      const found = textWords.find(([word]) => word === stem);
      if (!found) return -1;
      if (first < 0 || found[1] < first) first = found[1];
    }
    return first;
  },

  /* A text's letters and digits only, in lower case. */
  letters: (text) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ""),

  /* A searched word or synonym: its stems, one per word it has. */
  form: (word) => ({
    word,
    stems: SiteSearch.han.test(word)
      ? [word]
      : (word.match(SiteSearch.latinWords) || []).map(SiteSearch.stem),
  }),

  /* Each searched word with its synonyms: a list of forms per word. A Chinese
   * word made of a synonym and one more character (复制到) takes its group. */
  groups: (query) => {
    const synonyms = SiteSearch.data().synonyms;
    const seen = new Set();
    const groups = [];
    for (const raw of splitQuery(query.trim())) {
      const word = raw.toLowerCase();
      if (stopwords.has(word) || SiteSearch.extraStopwords.has(word)) continue;
      if (/^\d+$/.test(word) || seen.has(word)) continue;
      seen.add(word);
      const stem = SiteSearch.form(word).stems.join(" ");
      const exact = (other) =>
        other === word || SiteSearch.form(other).stems.join(" ") === stem;
      // A word that a group lists is itself (零拷贝 is not 拷贝 and one more character).
      const listed = synonyms.some((group) => group.some(exact));
      const related = (other) =>
        exact(other) ||
        (!listed &&
          SiteSearch.han.test(word) &&
          other.length >= 2 &&
          word.length - other.length === 1 &&
          (word.startsWith(other) || word.endsWith(other)));
      const words = new Set([word]);
      for (const group of synonyms) {
        if (group.some(related)) group.forEach((other) => words.add(other));
      }
      groups.push([...words].map(SiteSearch.form).filter((form) => form.stems.length));
    }
    return groups.filter((forms) => forms.length);
  },

  /* The pages an index field lists for a stem (Sphinx stores one as a number). */
  files: (field, stem) => {
    if (!Object.hasOwn(field, stem)) return [];
    const files = field[stem];
    return typeof files === "number" ? [files] : files;
  },

  /* The pages that an index field lists for every word of a form. */
  filesWithAll: (field, form) => {
    const [first, ...others] = form.stems.map((stem) => new Set(SiteSearch.files(field, stem)));
    return [...first].filter((file) => others.every((files) => files.has(file)));
  },

  rank: (query) => {
    const index = Search._index;
    const { summaries } = SiteSearch.data();
    const groups = SiteSearch.groups(query);
    const weights = SiteSearch.weights;
    const pages = index.docnames.map((docname, file) => {
      const title = index.titles[file];
      const summary = summaries[docname] || "";
      return {
        file,
        docname,
        title,
        summary,
        titleWords: SiteSearch.words(title),
        summaryWords: SiteSearch.words(summary),
        addressWords: SiteSearch.words(docname, /[\p{L}]+/gu),
        fields: groups.map(() => ({
          title: -1,
          summary: false,
          address: -1,
          heading: false,
          body: 0,
        })),
      };
    });
    const whole = SiteSearch.letters(query);
    const termKeys = Object.keys(index.terms);
    groups.forEach((forms, g) => {
      for (const form of forms) {
        // Sphinx leaves a heading's words out of the body's terms.
        for (const file of SiteSearch.filesWithAll(index.titleterms, form)) {
          pages[file].fields[g].heading = true;
          pages[file].fields[g].body = weights.body;
        }
        for (const file of SiteSearch.filesWithAll(index.terms, form)) {
          pages[file].fields[g].body = weights.body;
        }
        // "fast" finds "faster", "stride" finds "strides"; weakly.
        const [stem] = form.stems;
        if (form.stems.length === 1 && !SiteSearch.han.test(stem) && stem.length >= 4) {
          for (const key of termKeys) {
            if (key !== stem && key.startsWith(stem)) {
              for (const file of SiteSearch.files(index.terms, key)) {
                const field = pages[file].fields[g];
                field.body = Math.max(field.body, weights.partial);
              }
            }
          }
        }
        for (const page of pages) {
          const field = page.fields[g];
          const inTitle = SiteSearch.find(form, page.title, page.titleWords);
          if (inTitle >= 0 && (field.title < 0 || inTitle < field.title)) field.title = inTitle;
          if (SiteSearch.find(form, page.summary, page.summaryWords) >= 0) field.summary = true;
          const inAddress = SiteSearch.find(form, page.docname, page.addressWords);
          if (inAddress >= 0 && (field.address < 0 || inAddress < field.address)) {
            field.address = inAddress;
          }
        }
      }
    });
    const matches = (field) =>
      field.title >= 0 || field.summary || field.address >= 0 || field.heading || field.body > 0;
    // A word that few pages hold says more about those pages.
    const rarity = groups.map((_, g) => {
      const holding = pages.filter((page) => matches(page.fields[g])).length;
      return Math.log(1 + pages.length / Math.max(holding, 1));
    });
    const scored = [];
    for (const page of pages) {
      let score = 0;
      let matched = 0;
      page.fields.forEach((field, g) => {
        if (!matches(field)) return;
        matched += 1;
        score +=
          rarity[g] *
          ((field.title >= 0 ? weights.title : 0) +
            (field.summary ? weights.summary : 0) +
            (field.address >= 0 ? weights.address : 0) +
            (field.heading ? weights.heading : 0) +
            field.body);
      });
      if (!matched) continue;
      const title = SiteSearch.letters(page.title);
      if (whole && title.includes(whole) && whole.length * 2 >= title.length) {
        score += SiteSearch.wholeTitleBonus;
      }
      // Two searched words in a row, in that order, close together.
      for (let g = 1; g < page.fields.length; g++) {
        const [before, after] = [page.fields[g - 1], page.fields[g]];
        for (const where of ["title", "address"]) {
          const gap = after[where] - before[where];
          if (before[where] >= 0 && gap > 0 && gap <= SiteSearch.phraseGap) {
            score += SiteSearch.phraseBonus;
            break;
          }
        }
      }
      if (/(^|\/)index$/.test(page.docname)) score *= SiteSearch.indexFactor;
      // A page that holds more of the searched words ranks higher.
      score *= matched / groups.length;
      scored.push({ ...page, matched, score });
    }
    // Equal scores: the page that comes first in the site's reading order.
    const order = SiteSearch.data().order || [];
    const place = (docname) => (order.includes(docname) ? order.indexOf(docname) : order.length);
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        place(a.docname) - place(b.docname) ||
        a.docname.localeCompare(b.docname),
    );
    return { groups, results: scored };
  },

  show: (query) => {
    const { groups, results } = SiteSearch.rank(query);
    if (typeof SPHINX_HIGHLIGHT_ENABLED !== "undefined" && SPHINX_HIGHLIGHT_ENABLED) {
      const terms = groups.map((forms) => forms[0].word);
      localStorage.setItem("sphinx_highlight_terms", terms.join(" "));
    }
    const suffix = DOCUMENTATION_OPTIONS.LINK_SUFFIX;
    for (const result of results) {
      const item = Search.output.appendChild(document.createElement("li"));
      item.classList.add("kind-text");
      const link = item.appendChild(document.createElement("a"));
      link.href = result.docname + suffix;
      link.dataset.score = result.score.toFixed(2);
      link.textContent = result.title;
      if (result.summary) {
        const summary = item.appendChild(document.createElement("p"));
        summary.classList.add("context");
        summary.textContent = result.summary;
      }
    }
    _finishSearch(results.length);
  },
};

if (typeof Search !== "undefined") {
  Search.query = (query) => SiteSearch.show(query);
}
