/* A code block or output wider than the page scrolls sideways; keyboard users
 * need to reach it with Tab to scroll it (axe: scrollable-region-focusable). */
(() => {
  const update = () => {
    for (const pre of document.querySelectorAll("pre")) {
      if (pre.scrollWidth > pre.clientWidth) pre.setAttribute("tabindex", "0");
      else pre.removeAttribute("tabindex");
    }
  };
  document.addEventListener("DOMContentLoaded", update);
  window.addEventListener("load", update);
  window.addEventListener("resize", update);
})();
