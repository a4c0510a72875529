#!/usr/bin/env bash
# Build-time cost of the numerics analyzer (issue 4: "analysing 10 000 lines of numeric code adds < 10% to the build").
# Builds one project N times without and N times with the analyzer (alternating, after one warm-up build of each,
# with the compiler server left running as in an IDE or a developer's terminal), `dotnet build --no-incremental
# --no-restore`, and prints every wall time, the medians and their ratio; then one more build with
# -p:ReportAnalyzer=true for the compiler's own per-analyzer times.
#
# usage: tools/robustness/speed.sh <project.csproj> <Tutor.Generator.dll> [runs, default 5] [extra dotnet build args…]
# Use a copy of the project (run.sh leaves copies of this repository and of MathNet under its work dir).
# "With" uses the rules' default severities (what a user gets); warnings are not errors in either build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
proj="${1:?project}"; analyzer="${2:?Tutor.Generator.dll}"; runs="${3:-5}"; shift $(( $# >= 3 ? 3 : $# ))
base=(build "$proj" --no-incremental --no-restore -nologo -v:q -clp:NoSummary -p:TreatWarningsAsErrors=false
      -p:CustomAfterMicrosoftCommonTargets="$here/AddNumericsAnalyzer.targets" "$@")
with=(-p:TutorNumericsAnalyzer="$analyzer" -p:TutorAllRules=false)
dotnet restore "$proj" -v:q "$@" > /dev/null
t() { local s e; s=$(date +%s.%N); dotnet "$@" > /tmp/speed-build.log 2>&1 || { cat /tmp/speed-build.log; exit 1; }; e=$(date +%s.%N); echo "$e - $s" | bc; }
t "${base[@]}" > /dev/null; t "${base[@]}" "${with[@]}" > /dev/null      # warm-up
without=(); withs=()
for i in $(seq 1 "$runs"); do
  without+=("$(t "${base[@]}")"); withs+=("$(t "${base[@]}" "${with[@]}")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mw=$(median "${without[@]}"); mn=$(median "${withs[@]}")
echo "project: $proj"
echo "without analyzer (s): ${without[*]}  median $mw"
echo "with analyzer (s):    ${withs[*]}  median $mn"
echo "ratio with/without: $(echo "scale=4; $mn / $mw" | bc)"
echo "-- compiler's analyzer report (-p:ReportAnalyzer=true), one build with the analyzer:"
dotnet "${base[@]}" "${with[@]}" -v:d -p:ReportAnalyzer=true 2>&1 | grep -v -- "/analyzer:" \
  | grep -E "Total analyzer execution time|Total generator execution time|Tutor\.Generator|NumericsAnalyzer|DifferentiableGenerator|NetAnalyzers" \
  | sed 's/^ *//' | head -40
