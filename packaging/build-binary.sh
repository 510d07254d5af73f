#!/usr/bin/env bash
# Publishes the waldur-site-agent Native AOT binary for linux-x64.
#
#   packaging/build-binary.sh [--backends "slurm;base"] [--out DIR] [--sysroot DIR|host]
#
# The binary lands in DIR (default: artifacts/aot/), stripped, with its native debug symbols apart
# in waldur-site-agent.dbg. The backend selection is the build manifest (src/SiteAgent/backends.props);
# the default is the manifest's own default. AOT/trim analyzer warnings fail the build.
#
# By default the binary is linked against a Debian bullseye sysroot (packaging/sysroot/make-sysroot.sh,
# made once and cached) with clang and lld, plus packaging/glibc-compat/, so that it needs no glibc
# newer than 2.17 and starts on RHEL/CentOS 7 and every later head node. --sysroot DIR links against
# another sysroot; --sysroot host links against this machine's glibc (faster to set up, but the
# binary then needs this machine's glibc or newer).
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
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "build-binary.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

if [[ -z "$sysroot" ]]; then
  sysroot=$(bash "$repo/packaging/sysroot/make-sysroot.sh")
fi

# A separate artifacts root keeps this publish from racing a concurrent 'dotnet build' of the tree.
work="$repo/artifacts/aot-build"
args=(publish "$repo/src/SiteAgent/SiteAgent.csproj" -c Release -r linux-x64
      "-p:ArtifactsPath=$work" -nologo -clp:NoSummary)
if [[ -n "$backends" ]]; then
  # MSBuild splits property values at ';' unless escaped.
  args+=("-p:Backends=${backends//;/%3B}")
fi
if [[ "$sysroot" != host ]]; then
  for tool in clang ld.lld; do
    command -v "$tool" >/dev/null || { echo "build-binary.sh: $tool is missing (tests/infra/install-packages.sh installs clang and lld)" >&2; exit 1; }
  done
  args+=("-p:SysRoot=$sysroot" "-p:LinkerFlavor=lld" "-p:CppCompilerAndLinker=clang")
fi

start=$(date +%s)
dotnet "${args[@]}"
published="$work/publish/SiteAgent/release_linux-x64"
mkdir -p "$out"
install -m 0755 "$published/waldur-site-agent" "$out/waldur-site-agent"
rm -f "$out/waldur-site-agent.dbg"
if [[ -f "$published/waldur-site-agent.dbg" ]]; then
  install -m 0644 "$published/waldur-site-agent.dbg" "$out/waldur-site-agent.dbg"
fi
size=$(stat -c %s "$out/waldur-site-agent")
echo "built $out/waldur-site-agent ($((size / 1024)) KiB, sysroot: ${sysroot}) in $(( $(date +%s) - start )) s"
"$out/waldur-site-agent" backends list
