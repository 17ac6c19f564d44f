/* The version selector of an example page (docs/_ext/executed_gallery/recorded_outputs.py):
 * every output block shows what the chosen environment of the grid printed there.
 * The data is in the page itself, so it works offline and from a file. */
(() => {
  const outputOf = (marker) => {
    // The block's output, or null where the page shows none: walk back to the
    // output or to the code block, whichever comes first.
    for (let node = marker.previousElementSibling; node; node = node.previousElementSibling) {
      if (node.classList.contains("sphx-glr-script-out")) return node.querySelector("pre");
      if (node.classList.contains("highlight-Python")) return null;
    }
    return null;
  };

  const show = (data, choice) => {
    for (const marker of document.querySelectorAll("div.recorded-output")) {
      let pre = outputOf(marker);
      if (!pre) {
        pre = marker.querySelector("pre");
        if (!pre) {
          marker.innerHTML = '<div class="highlight-none notranslate"><div class="highlight"><pre></pre></div></div>';
          pre = marker.querySelector("pre");
          pre.dataset.shown = "";
        }
      }
      if (pre.dataset.shown === undefined) pre.dataset.shown = pre.textContent;
      let text = pre.dataset.shown;
      if (choice !== "build") {
        const index = data.cells[Number(choice)].blocks[Number(marker.dataset.block)];
        text = index === undefined ? "" : index < 0 ? data.measured : data.texts[index];
      }
      pre.textContent = text;
      // A block that printed nothing in the chosen environment shows no box.
      const box = pre.closest(".sphx-glr-script-out") || marker;
      box.hidden = text === "";
    }
  };

  document.addEventListener("DOMContentLoaded", () => {
    const source = document.getElementById("recorded-outputs-data");
    const select = document.querySelector("select.recorded-outputs-select");
    if (!source || !select) return;
    const data = JSON.parse(source.textContent);
    select.addEventListener("change", () => show(data, select.value));
  });
})();
