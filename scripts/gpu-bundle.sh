#!/usr/bin/env bash
# Packs what scripts/gpu-check.sh needs on a GPU machine that has no .NET, into artifacts/gpu-bundle/ (ignored by git;
# or the folder given as $1):
#   dotnet.tar.xz  this machine's .NET runtime (host + Microsoft.NETCore.App, 26 MB packed)
#   apps.tar.xz    framework-dependent builds: tutor (Lessons, with data/ and generated/), the GPU test assembly with
#                  xunit's console runner, and bench/Tutor.Benchmarks.Gpu (tile timings)
#   *.ptx          the matrix-multiply kernels' PTX for sm_80 (gpu-check runs ptxas -v on them: registers, spills)
# Together about 40 MB, under the 64 MiB a GPU test machine accepts with the repository. Then, on that machine, from
# the repository root:  bash scripts/gpu-check.sh artifacts/gpu-bundle   (docs/gpu.md, "Checking on a GPU").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/artifacts/gpu-bundle}"
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$out"
out="$(cd "$out" && pwd)"
rm -f "$out"/*.tar.xz "$out"/*.ptx

quiet() { "$@" --nologo -v q 2>&1 | grep -E " error |error\(s\)|Warn" | grep -v " 0 Error" || true; }

dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
runtime="$(ls -d "$dotnet_root"/shared/Microsoft.NETCore.App/* | sort -V | tail -1)"
mkdir -p "$stage/dotnet/shared/Microsoft.NETCore.App"
cp -r "$dotnet_root/dotnet" "$dotnet_root/host" "$stage/dotnet/"
cp -r "$runtime" "$stage/dotnet/shared/Microsoft.NETCore.App/"
(cd "$stage" && tar cJf "$out/dotnet.tar.xz" dotnet)

quiet dotnet publish "$root/Lessons/Tutor.Lessons.csproj" -c Release -r linux-x64 --self-contained false -o "$stage/lessons" -p:DebugType=none
generated="$root/Lessons/obj/Release/net10.0/linux-x64/generated"
mkdir -p "$stage/lessons/generated" && cp -r "$generated"/. "$stage/lessons/generated/"
quiet dotnet build "$root/tests/Tutor.Gpu.Tests" -c Release
cp -r "$root/tests/Tutor.Gpu.Tests/bin/Release/net10.0" "$stage/gputests"
# xunit's console runner (the test machine has no dotnet test); restored once into the NuGet cache.
runner="$HOME/.nuget/packages/xunit.runner.console/2.4.1/tools/netcoreapp2.0"
if [ ! -d "$runner" ]; then
  mkdir -p "$stage/restore" && cat > "$stage/restore/r.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup><PackageDownload Include="xunit.runner.console" Version="[2.4.1]" /></ItemGroup>
</Project>
XML
  quiet dotnet restore "$stage/restore/r.csproj"
fi
cp -r "$runner" "$stage/xunit"
quiet dotnet publish "$root/bench/Tutor.Benchmarks.Gpu" -c Release -o "$stage/gbench" -p:DebugType=none
(cd "$stage" && tar cJf "$out/apps.tar.xz" lessons gputests xunit gbench)
(cd "$out" && dotnet "$stage/gbench/Tutor.Benchmarks.Gpu.dll" --ptx >/dev/null)

total=$(du -sb "$out" | cut -f1)
ls -la "$out" | sed 's/^/  /'
printf 'total %.1f MiB (with the repository it must stay under 64 MiB)\n' "$(echo "$total / 1048576" | bc -l)"
