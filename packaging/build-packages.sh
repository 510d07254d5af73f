#!/usr/bin/env bash
# Builds the RPM, the DEB and the air-gapped bundle around a Native AOT binary, and lints them
# (rpmlint, lintian; each remaining finding is overridden with its reason in the package sources).
#
#   packaging/build-packages.sh [--binary DIR] [--out DIR] [--version V] [--label NAME] [rpm|deb|bundle|all]...
#
#   --binary DIR   holds waldur-site-agent and waldur-site-agent.dbg (default: artifacts/aot;
#                  WALDUR_SITE_AGENT_BIN names a binary instead); built when missing
#   --out DIR      where the packages go (default: artifacts/packages)
#   --version V    package version (default: <Version> of Directory.Build.props); lets CI build an
#                  older and a newer package of the same binary to test upgrades
#   --label NAME   appended to the bundle's name, e.g. slurm-only
#
# Needs: rpm (rpmbuild), dpkg-dev + debhelper, lintian, rpmlint. Output:
#   waldur-site-agent-V-1.x86_64.rpm, waldur-site-agent_V_amd64.deb,
#   waldur-site-agent-V-linux-x64[-NAME].tar.gz (the bundle) and
#   waldur-site-agent-V-linux-x64[-NAME].dbg (the binary's debug symbols, kept apart)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bindir="$repo/artifacts/aot"
out="$repo/artifacts/packages"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -n 1)
label=""
what=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --binary) bindir="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --version) version="$2"; shift 2 ;;
    --label) label="$2"; shift 2 ;;
    rpm|deb|bundle) what+=("$1"); shift ;;
    all) what+=(rpm deb bundle); shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "build-packages.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ ${#what[@]} -gt 0 ]] || what=(rpm deb bundle)
mkdir -p "$out"
out=$(cd "$out" && pwd)

if [[ -n "${WALDUR_SITE_AGENT_BIN:-}" ]]; then
  bindir=$(dirname "$WALDUR_SITE_AGENT_BIN")
fi
if [[ ! -x "$bindir/waldur-site-agent" ]]; then
  bash "$repo/packaging/build-binary.sh" --out "$bindir"
fi
bindir=$(cd "$bindir" && pwd)
name="waldur-site-agent-$version-linux-x64${label:+-$label}"

# The tree both package builds read: the sources they need and the binary under artifacts/aot/.
stage_sources() {
  local dir=$1
  mkdir -p "$dir/artifacts/aot"
  cp -r "$repo/debian" "$repo/packaging" "$repo/examples" "$repo/README.md" "$repo/rpm.spec" "$dir/"
  install -m 0755 "$bindir/waldur-site-agent" "$dir/artifacts/aot/waldur-site-agent"
}

build_rpm() {
  local top src
  top=$(mktemp -d)
  src="$top/SOURCES"
  stage_sources "$src"
  rpmbuild -bb "$src/rpm.spec" --quiet \
    --define "_topdir $top" --define "_sourcedir $src" --define "agent_version $version" \
    --define "_build_id_links none"
  local rpm
  rpm=$(find "$top/RPMS" -name "waldur-site-agent-$version-*.rpm" | head -n 1)
  cp "$rpm" "$out/"
  rm -rf "$top"
  rpm="$out/$(basename "$rpm")"
  rpmlint --rpmlintrc "$repo/packaging/waldur-site-agent.rpmlintrc" "$repo/rpm.spec" "$rpm"
  echo "rpm: $rpm"
}

build_deb() {
  # dpkg-buildpackage writes next to the source tree; build from a copy of just what it needs.
  local top src
  top=$(mktemp -d)
  src="$top/waldur-site-agent-$version"
  stage_sources "$src"
  # The version comes from the changelog's first entry.
  sed -i "1s/([^)]*)/($version)/" "$src/debian/changelog"
  (cd "$src" && dpkg-buildpackage -b -us -uc --no-sign >"$top/build.log" 2>&1) || { cat "$top/build.log" >&2; exit 1; }
  local deb="$out/waldur-site-agent_${version}_amd64.deb"
  cp "$top/waldur-site-agent_${version}_amd64.deb" "$deb"
  rm -rf "$top"
  lintian --fail-on error,warning "$deb"
  echo "deb: $deb"
}

build_bundle() {
  local top dir
  top=$(mktemp -d)
  dir="$top/$name"
  mkdir -p "$dir/bin" "$dir/etc" "$dir/share" "$dir/systemd"
  install -m 0755 "$bindir/waldur-site-agent" "$dir/bin/waldur-site-agent"
  install -m 0755 "$repo/packaging/bundle/install.sh" "$dir/install.sh"
  install -m 0644 "$repo/packaging/bundle/README.md" "$dir/README.md"
  install -m 0644 "$repo/examples/waldur-site-agent-config.yaml" "$dir/etc/waldur-site-agent-config.yaml"
  install -m 0644 "$repo/packaging/waldur-site-agent.default" "$dir/etc/waldur-site-agent.default"
  install -m 0644 "$repo/packaging/reference-commands.txt" "$dir/share/reference-commands.txt"
  bash "$repo/packaging/systemd/render-units.sh" "$dir/systemd"
  install -m 0644 "$repo/packaging/systemd/units.sh" "$dir/systemd/units.sh"
  (cd "$dir" && find . -type f ! -name SHA256SUMS -printf '%P\n' | LC_ALL=C sort | xargs sha256sum >SHA256SUMS)
  # Reproducible: fixed owner, order and times.
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$top" -czf "$out/$name.tar.gz" "$name"
  rm -rf "$top"
  echo "bundle: $out/$name.tar.gz"
}

for item in "${what[@]}"; do
  "build_$item"
done
if [[ -f "$bindir/waldur-site-agent.dbg" ]]; then
  install -m 0644 "$bindir/waldur-site-agent.dbg" "$out/$name.dbg"
  echo "debug symbols: $out/$name.dbg"
fi
