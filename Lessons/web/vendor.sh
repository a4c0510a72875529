#!/usr/bin/env bash
# Refreshes the vendored KaTeX and Mermaid in Lessons/web/assets/ from the npm registry (needs node and npm).
# The files are committed, so building and testing never run this; run it by hand to move to new versions,
# then rebuild, run the Chromium test (tests/Tutor.Lessons.Tests/HtmlRenderingTests.cs) and commit the result.
#   Lessons/web/vendor.sh                 # the versions below
#   KATEX=0.19.1 MERMAID=12.3.0 Lessons/web/vendor.sh
set -euo pipefail

KATEX="${KATEX:-0.19.1}"
MERMAID="${MERMAID:-12.3.0}"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
assets="$here/assets"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent "katex@$KATEX" "mermaid@$MERMAID" > /dev/null
mkdir katex mermaid
tar xzf "katex-$KATEX.tgz" -C katex
tar xzf "mermaid-$MERMAID.tgz" -C mermaid

rm -rf "$assets/katex" "$assets/mermaid"
mkdir -p "$assets/katex/fonts" "$assets/mermaid"
# KaTeX: the stylesheet, the script and the woff2 fonts (every browser that runs the page reads woff2; the css
# lists woff and ttf only as fallbacks, so those are left out).
cp katex/package/dist/katex.min.css katex/package/dist/katex.min.js katex/package/LICENSE "$assets/katex/"
cp katex/package/dist/fonts/*.woff2 "$assets/katex/fonts/"
# Mermaid: the self-contained IIFE build. The ESM build loads chunks with import(), which browsers refuse from file://.
cp mermaid/package/dist/mermaid.min.js mermaid/package/LICENSE "$assets/mermaid/"

{
  echo "katex $KATEX $(npm view "katex@$KATEX" dist.integrity)"
  echo "mermaid $MERMAID $(npm view "mermaid@$MERMAID" dist.integrity)"
} > "$assets/VERSIONS"
cat "$assets/VERSIONS"
du -sh "$assets/katex" "$assets/mermaid"
