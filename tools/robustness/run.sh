#!/usr/bin/env bash
# Robustness run of the numerics analyzers (issue 4, "Evidence"): every NUM rule, on
#   (a) every C# project of this repository (a copy, so the working tree's obj/bin are not touched), and
#   (b) MathNet.Numerics' src/Numerics (a checkout you provide; it is copied, built for net10.0, never committed).
# It counts AD0001 (analyzer exceptions) and NUM diagnostics per rule, and writes samples to read for false positives.
#
# usage: tools/robustness/run.sh <mathnet-numerics checkout root> [work dir, default /tmp/tutor-robustness]
# Fetches nothing itself (NuGet restore aside). Needs the .NET 10 SDK and python3.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
mathnet="${1:?usage: run.sh <mathnet-numerics checkout> [work dir]}"
work="${2:-/tmp/tutor-robustness}"
mkdir -p "$work"
work="$(cd "$work" && pwd)"

echo "== copy of the repository -> $work/repo"
rm -rf "$work/repo" && mkdir -p "$work/repo"
(cd "$repo" && tar --exclude=./.git --exclude='*/bin' --exclude='*/obj' --exclude=./BenchmarkDotNet.Artifacts -cf - .) | tar -xf - -C "$work/repo"

echo "== analyzer (Release) -> $work/analyzer"
dotnet build "$work/repo/Generator/Tutor.Generator/Tutor.Generator.csproj" -c Release -o "$work/analyzer" -v:q -nologo
analyzer="$work/analyzer/Tutor.Generator.dll"
common=(-p:CustomAfterMicrosoftCommonTargets="$here/AddNumericsAnalyzer.targets" -p:TutorNumericsAnalyzer="$analyzer"
        --no-incremental -nologo -v:q -clp:NoSummary -p:ReportAnalyzer=true)

echo "== (a) the repository's projects"
out_a="$work/out-repo"; rm -rf "$out_a"; mkdir -p "$out_a"
# Every project except the template's content (a dotnet-new template, built only once instantiated) and
# BenchmarkDotNet's generated projects under bin/.
mapfile -t projects < <(cd "$work/repo" && find . -name '*.csproj' -not -path '*/bin/*' -not -path '*/obj/*' -not -path './pack/Tutor.Templates/content/*' | sort)
: > "$out_a/build.log"
for p in "${projects[@]}"; do
  echo "-- $p"
  if ! dotnet build "$work/repo/$p" "${common[@]}" -p:TutorRobustnessOut="$out_a" >> "$out_a/build.log" 2>&1; then
    echo "   build failed (see $out_a/build.log); its diagnostics up to the failure are still counted"
  fi
done
(cd "$work/repo" && find . -name '*.cs' -not -path '*/bin/*' -not -path '*/obj/*' | sort) > "$out_a/all-cs.txt"

echo "== (b) MathNet.Numerics src/Numerics"
out_b="$work/out-mathnet"; rm -rf "$out_b" "$work/mathnet"; mkdir -p "$out_b" "$work/mathnet/src"
cp -r "$mathnet/src/Numerics" "$work/mathnet/src/Numerics"
cp "$mathnet/Directory.Build.props" "$work/mathnet/"       # not its global.json (pins SDK 8)
rm -rf "$work/mathnet/src/Numerics/bin" "$work/mathnet/src/Numerics/obj"
dotnet build "$work/mathnet/src/Numerics/Numerics.csproj" -p:TargetFrameworks=net10.0 "${common[@]}" \
  -p:TutorRobustnessOut="$out_b" > "$out_b/build.log" 2>&1 || echo "   MathNet build failed (see $out_b/build.log)"
(cd "$work/mathnet" && find . -name '*.cs' -not -path '*/bin/*' -not -path '*/obj/*' | sort) > "$out_b/all-cs.txt"

echo "== summary"
python3 "$here/summarize.py" "$out_a" "$work/repo" > "$work/summary-repo.md"
python3 "$here/summarize.py" "$out_b" "$work/mathnet" > "$work/summary-mathnet.md"
cat "$work/summary-repo.md" "$work/summary-mathnet.md"
echo "samples for reading: $out_a/samples.md, $out_b/samples.md"
