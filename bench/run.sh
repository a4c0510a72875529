#!/usr/bin/env bash
# Runs the scalar-gradient benchmarks (BenchmarkDotNet) and the PyTorch peer in one session, then prints one table
# per workload. Usage: bench/run.sh [extra BenchmarkDotNet args]   (default job: --job short)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/BenchmarkDotNet.Artifacts/run"
rm -rf "$OUT" && mkdir -p "$OUT"
cd "$ROOT"

{
  echo "date:    $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), $(nproc) cores"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15-minute load average before the run)"
  echo "dotnet:  $(dotnet --version)"
} | tee "$OUT/machine.txt"

[ $# -gt 0 ] || set -- --job short
dotnet run -c Release --project bench/Tutor.Benchmarks -- --values | tee "$OUT/values.txt"
dotnet run -c Release --project bench/Tutor.Benchmarks -- \
  --filter '*' --exporters json --artifacts "$OUT/dotnet" "$@" | tee "$OUT/dotnet.log" | grep -E '^\|' || true

/usr/bin/python3 bench/pytorch/formula_grad.py --json "$OUT/pytorch.json"
echo
/usr/bin/python3 bench/summarize.py "$OUT"
