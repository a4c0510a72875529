#!/usr/bin/env bash
# Packs the packages a student uses:
#   Tutor            runtime (lib/net10.0) + generator, analyzers, code fixes (analyzers/dotnet/cs)
#   Tutor.Gpu        the GPU backend (lib/net10.0/Tutor.Runtime.Gpu.dll); depends on Tutor and ILGPU 1.5.3 (optional)
#   Tutor.Templates  `dotnet new tutor-lesson`
# into artifacts/packages/ (or the folder given as $1). Works offline once the repository has been restored.
#
#   scripts/pack.sh                  # -> artifacts/packages/Tutor.0.1.0.nupkg, Tutor.Gpu.0.1.0.nupkg, Tutor.Templates.0.1.0.nupkg
#   scripts/pack.sh /tmp/feed        # somewhere else
#
# Then, to try it as a student would (a private template hive, so your `dotnet new list` stays as it is):
#   dotnet new install artifacts/packages/Tutor.Templates.0.1.0.nupkg --debug:custom-hive /tmp/tutor-hive
#   dotnet new tutor-lesson -o /tmp/MyFirstGradient --debug:custom-hive /tmp/tutor-hive
#   (add a nuget.config next to the project with artifacts/packages as a source; see docs/getting-started.md)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/artifacts/packages}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

for project in Tutor.Package Tutor.Gpu.Package Tutor.Templates; do
  dotnet pack "$root/pack/$project/$project.csproj" -c Release -o "$out" --nologo -v quiet
done

echo "Packages in $out:"
for nupkg in "$out"/Tutor.*.nupkg; do
  echo "  $(basename "$nupkg")"
  if command -v unzip >/dev/null; then
    unzip -Z1 "$nupkg" | grep -E '^(lib|analyzers|content)/' | sed 's/^/      /'
  fi
done
