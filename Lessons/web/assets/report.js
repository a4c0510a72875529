// Draws a Tutor report offline: KaTeX typesets the math, Mermaid draws the computation graphs.
// Loaded after katex.min.js and mermaid.min.js at the end of <body>, so the document is already parsed.
// Markdig writes $…$ as <span class="math">\(…\)</span> and $$…$$ as <div class="math">\[…\]</div>; only those
// elements are typeset, so a "\(" or "$" in prose or code is never mistaken for math.
// When both are done and the fonts have loaded, <html data-rendered="math N, mermaid M, katex fonts F"> says so
// (the Chromium test reads it; "failed" in it means something did not render).
(function () {
  "use strict";
  var root = document.documentElement;
  var status = { math: 0, mathErrors: 0, mermaid: 0, mermaidErrors: 0 };

  function typesetMath() {
    if (typeof katex === "undefined") { root.setAttribute("data-math-error", "katex.min.js did not load"); return; }
    document.querySelectorAll("span.math, div.math").forEach(function (el) {
      var source = el.textContent.trim();
      var display = el.tagName === "DIV";
      var m = /^\\[([]([\s\S]*)\\[)\]]$/.exec(source);
      try {
        katex.render(m ? m[1] : source, el, { displayMode: display, throwOnError: true, output: "htmlAndMathml" });
        status.math++;
      } catch (e) {
        // Leave the LaTeX readable and mark it, rather than failing the whole page.
        el.classList.add("math-error");
        el.title = String(e && e.message || e);
        status.mathErrors++;
      }
    });
  }

  function finish() {
    var fontsReady = document.fonts && document.fonts.ready ? document.fonts.ready : Promise.resolve();
    fontsReady.then(function () {
      var loaded = 0, failed = 0;
      if (document.fonts) document.fonts.forEach(function (f) {
        if (f.family.replace(/["']/g, "").indexOf("KaTeX") !== 0) return;
        if (f.status === "loaded") loaded++;
        else if (f.status === "error") failed++;
      });
      root.setAttribute("data-rendered",
        "math " + status.math + (status.mathErrors ? " (" + status.mathErrors + " failed)" : "") +
        ", mermaid " + status.mermaid + (status.mermaidErrors ? " (" + status.mermaidErrors + " failed)" : "") +
        ", katex fonts " + loaded + (failed ? " (" + failed + " failed)" : ""));
    });
  }

  typesetMath();

  var diagrams = document.querySelectorAll("pre.mermaid");
  if (typeof mermaid === "undefined" || diagrams.length === 0) {
    if (diagrams.length > 0) root.setAttribute("data-mermaid-error", "mermaid.min.js did not load");
    finish();
    return;
  }
  mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "default", flowchart: { htmlLabels: true, wrappingWidth: 400 } });
  mermaid.run({
    nodes: diagrams,
    suppressErrors: true,
    postRenderCallback: function () { status.mermaid++; }
  }).catch(function (e) {
    root.setAttribute("data-mermaid-error", String(e && e.message || e));
  }).then(function () {
    status.mermaidErrors = diagrams.length - status.mermaid;
    finish();
  });
})();
