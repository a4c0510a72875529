#!/usr/bin/env bash
# Publishes what a GPU test machine runs, for a machine that has no .NET: self-contained linux-x64 single files of
#   tutor        the lessons (`tutor run mnist-sgd-momentum --device gpu`) and the GPU benchmark (`tutor gpu-bench`),
#                with data/ and generated/ beside it
# plus bench/pytorch/gpu_peer.py (the PyTorch CUDA peer), into artifacts/gpu-publish/ (ignored by git) or the folder
# given as $1, and checks the whole folder is at most 64 MiB (the upload limit to such a machine). The benchmark is a
# subcommand, not a second program: a second self-contained single file would carry the .NET runtime again
# (tutor alone is 47 MiB).
#
#   scripts/publish-gpu.sh                      # -> artifacts/gpu-publish/
#   scripts/publish-gpu.sh /tmp/gpu             # somewhere else
#   SMOKE=0 scripts/publish-gpu.sh              # skip the smoke run (`tutor list`, one small lesson, --device auto)
#
# Settings (GPU.md): single file + compression + InvariantGlobalization, untrimmed. Full trimming breaks ILGPU (it
# looks up BCL math methods by name), so it is not used. On the GPU machine:
#   cd gpu-publish && ./tutor run linear-autoencoder --device gpu
#   ./tutor gpu-bench --device gpu --json tutor.json && python3 gpu_peer.py --json torch.json
# (no .NET needed; the NVIDIA driver's libcuda.so.1 is all ILGPU needs). See docs/gpu.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/artifacts/gpu-publish}"
limit_bytes=$((64 * 1024 * 1024))
rid=linux-x64

rm -rf "$out"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

publish() {  # project, output name
  dotnet publish "$1" -c Release -r "$rid" --self-contained true -o "$out" --nologo -v quiet \
    -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true -p:InvariantGlobalization=true \
    -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none -p:GenerateDocumentationFile=false
}

publish "$root/Lessons/Tutor.Lessons.csproj"
# Reports quote the generator's output: ship it next to the binary (GeneratedSource looks in <exe dir>/generated).
generated="$root/Lessons/obj/Release/net10.0/$rid/generated"
if [ -d "$generated" ]; then
  mkdir -p "$out/generated"
  cp -r "$generated"/. "$out/generated/"
fi

cp "$root/bench/pytorch/gpu_peer.py" "$out/"

total=$(du -sb "$out" | cut -f1)
echo "Published to $out:"
ls -la "$out" | sed 's/^/  /'
printf 'total %d bytes (%.1f MiB); limit %d bytes (64 MiB)\n' "$total" "$(echo "$total / 1048576" | bc -l)" "$limit_bytes"
if [ "$total" -gt "$limit_bytes" ]; then
  echo "error: $out is larger than 64 MiB; a GPU test machine accepts at most 64 MiB. Leave something out." >&2
  exit 1
fi

if [ "${SMOKE:-1}" = "1" ]; then
  echo "Smoke run of the single file (here: falls back to the CPU when there is no GPU, and says why):"
  smoke="$(mktemp -d)"
  (cd "$smoke" && "$out/tutor" list >/dev/null && echo "  tutor list: ok" \
     && "$out/tutor" run gd-closed-form --device auto --out "$smoke/reports" | sed 's/^/  /' \
     && "$out/tutor" gpu-bench --device auto --size 256 --steps 1 --repeats 1 | sed 's/^/  /')
  rm -rf "$smoke"
fi
