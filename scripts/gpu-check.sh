#!/usr/bin/env bash
# Runs on a machine with an NVIDIA GPU and no .NET, from the repository root, with the bundle scripts/gpu-bundle.sh
# made (default artifacts/gpu-bundle): the GPU test suite on the card (TUTOR_TEST_DEVICE=gpu), the five training
# lessons with --device gpu, and `tutor gpu-bench` against bench/pytorch/gpu_peer.py in alternating rounds.
# Writes logs, the lessons' reports (reports-gpu.tgz) and the benchmark JSON files to $OUT (or ./gpu-check-out).
#   bash scripts/gpu-check.sh [bundle folder]          STAGES="tests lessons bench" ROUNDS=3 by default;
#                                                      STAGES="tiles" times each matrix-multiply tile on the card
set -uo pipefail
repo="$PWD"
bundle="$(cd "${1:-artifacts/gpu-bundle}" && pwd)"
out="${OUT:-$repo/gpu-check-out}"
mkdir -p "$out"
stages="${STAGES:-tests lessons bench}"
t0=$(date +%s); stamp() { echo "=== [$(( $(date +%s) - t0 )) s] $*"; }
work="$(mktemp -d)"
stamp unpack
tar xJf "$bundle/dotnet.tar.xz" -C "$work" && tar xJf "$bundle/apps.tar.xz" -C "$work" || exit 1
export PATH="$work/dotnet:$PATH" DOTNET_ROOT="$work/dotnet" DOTNET_ROLL_FORWARD=Major DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
nvidia-smi --query-gpu=name,driver_version,clocks.max.sm --format=csv,noheader
if command -v ptxas >/dev/null; then
  for k in "$bundle"/*.ptx; do echo "$(basename "$k"): $(ptxas -arch=sm_90 -v "$k" -o /dev/null 2>&1 | grep -oE 'Used [0-9]+ registers|[0-9]+ bytes spill stores' | tr '\n' ' ')"; done
fi
status=0
if [[ " $stages " == *" tests "* ]]; then
  stamp "GPU tests on the card"
  (cd "$work/gputests" && TUTOR_TEST_DEVICE=gpu timeout 600 dotnet "$work/xunit/xunit.console.dll" Tutor.Gpu.Tests.dll -noColor) > "$out/gputests.log" 2>&1 || status=1
  grep -E "\[FAIL\]|Total:" "$out/gputests.log"
fi
if [[ " $stages " == *" lessons "* ]]; then
  for lesson in gd-closed-form linear-autoencoder mlp-iris mnist-sgd-momentum depth-and-initialisation; do
    stamp "lesson $lesson"
    (cd "$work/lessons" && timeout 300 dotnet tutor.dll run "$lesson" --device gpu --out "$work/reports-gpu" 2>&1 | tail -4)
  done
  tar czf "$out/reports-gpu.tgz" -C "$work" reports-gpu
fi
if [[ " $stages " == *" bench "* ]]; then
  for round in $(seq 1 "${ROUNDS:-3}"); do
    stamp "gpu-bench, round $round"
    (cd "$work/lessons" && timeout 300 dotnet tutor.dll gpu-bench --device gpu --json "$out/tutor-$round.json" 2>&1 | tail -3)
    stamp "PyTorch peer, round $round"
    timeout 300 python3 "$repo/bench/pytorch/gpu_peer.py" --data "$work/lessons/data" --json "$out/torch-$round.json" 2>&1 | tail -3
  done
fi
if [[ " $stages " == *" tiles "* ]]; then
  stamp "matrix-multiply tiles (bench/Tutor.Benchmarks.Gpu)"
  (cd "$work/gbench" && timeout 300 dotnet Tutor.Benchmarks.Gpu.dll --repeats 10 2>&1 | tee "$out/tiles.log")
fi
rm -rf "$work"
stamp done
exit $status
