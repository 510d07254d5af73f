#!/usr/bin/env bash
# Publishes the waldur-site-agent Native AOT binary for linux-x64.
#
#   packaging/build-binary.sh [--backends "slurm;base"] [--out DIR] [--sysroot DIR]
#
# The binary lands in DIR (default: artifacts/aot/) together with its native debug symbols
# (waldur-site-agent.dbg). The backend selection is the build manifest (src/SiteAgent/backends.props);
# the default is the manifest's own default. AOT/trim analyzer warnings fail the build.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
backends=""
out="$repo/artifacts/aot"
sysroot=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --backends) backends="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --sysroot) sysroot="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "build-binary.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

# A separate artifacts root keeps this publish from racing a concurrent 'dotnet build' of the tree.
work="$repo/artifacts/aot-build"
args=(publish "$repo/src/SiteAgent/SiteAgent.csproj" -c Release -r linux-x64
      "-p:ArtifactsPath=$work" -nologo -clp:NoSummary)
if [[ -n "$backends" ]]; then
  # MSBuild splits property values at ';' unless escaped.
  args+=("-p:Backends=${backends//;/%3B}")
fi
if [[ -n "$sysroot" ]]; then
  args+=("-p:SysRoot=$sysroot" "-p:LinkerFlavor=lld")
fi

start=$(date +%s)
dotnet "${args[@]}"
published="$work/publish/SiteAgent/release_linux-x64"
mkdir -p "$out"
install -m 0755 "$published/waldur-site-agent" "$out/waldur-site-agent"
if [[ -f "$published/waldur-site-agent.dbg" ]]; then
  install -m 0644 "$published/waldur-site-agent.dbg" "$out/waldur-site-agent.dbg"
fi
size=$(stat -c %s "$out/waldur-site-agent")
echo "built $out/waldur-site-agent ($((size / 1024)) KiB) in $(( $(date +%s) - start )) s"
"$out/waldur-site-agent" backends list
