#!/usr/bin/env bash
# Builds the RPM and DEB packages around the Native AOT binary and checks them:
# lintian on the .deb, systemd-analyze verify on the unit, the file lists of both.
#
#   packaging/build-packages.sh [rpm|deb|all]     (default: all; output in artifacts/packages/)
#
# Needs: rpm (rpmbuild), dpkg-dev + debhelper, lintian, systemd. The binary is built first when
# artifacts/aot/waldur-site-agent does not exist.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
what=${1:-all}
out="$repo/artifacts/packages"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -n 1)
mkdir -p "$out"

# The binary to package: WALDUR_SITE_AGENT_BIN, else artifacts/aot/ (built when missing).
binary=${WALDUR_SITE_AGENT_BIN:-$repo/artifacts/aot/waldur-site-agent}
if [[ ! -x "$binary" ]]; then
  bash "$repo/packaging/build-binary.sh"
  binary="$repo/artifacts/aot/waldur-site-agent"
fi
if [[ "$binary" != "$repo/artifacts/aot/waldur-site-agent" ]]; then
  mkdir -p "$repo/artifacts/aot"
  install -m 0755 "$binary" "$repo/artifacts/aot/waldur-site-agent"
fi

verify_unit() {
  # systemd-analyze resolves ExecStart, so point it at the binary we package.
  local dir
  dir=$(mktemp -d)
  sed "s:/usr/bin/waldur-site-agent:$repo/artifacts/aot/waldur-site-agent:" \
    "$repo/packaging/systemd/waldur-site-agent@.service" >"$dir/waldur-site-agent@.service"
  cp "$dir/waldur-site-agent@.service" "$dir/waldur-site-agent@order_process.service"
  systemd-analyze verify --man=no "$dir/waldur-site-agent@order_process.service"
  rm -rf "$dir"
  echo "unit: systemd-analyze verify passed"
}

build_rpm() {
  local top
  top=$(mktemp -d)
  rpmbuild -bb "$repo/rpm.spec" --quiet \
    --define "_topdir $top" --define "_sourcedir $repo" --define "agent_version $version" \
    --define "_build_id_links none"
  find "$top/RPMS" -name '*.rpm' -exec cp {} "$out/" \;
  rm -rf "$top"
  local rpmfile
  rpmfile=$(ls "$out"/waldur-site-agent-"$version"-*.rpm)
  rpm -qlp "$rpmfile"
  echo "rpm: $rpmfile"
}

build_deb() {
  # dpkg-buildpackage writes next to the source tree; build from a copy of just what it needs.
  local src
  src=$(mktemp -d)/waldur-site-agent-"$version"
  mkdir -p "$src/artifacts/aot"
  cp -r "$repo/debian" "$repo/packaging" "$repo/examples" "$repo/README.md" "$src/"
  cp "$repo/artifacts/aot/waldur-site-agent" "$src/artifacts/aot/"
  (cd "$src" && dpkg-buildpackage -b -us -uc --no-sign >/dev/null)
  local deb
  deb=$(ls "$(dirname "$src")"/waldur-site-agent_"$version"_amd64.deb)
  cp "$deb" "$out/"
  dpkg-deb -c "$out/$(basename "$deb")"
  # Errors fail the build; the binary has no man page yet, which lintian reports as a warning.
  lintian --fail-on error --suppress-tags no-manual-page "$out/$(basename "$deb")"
  rm -rf "$(dirname "$src")"
  echo "deb: $out/$(basename "$deb")"
}

verify_unit
case "$what" in
  rpm) build_rpm ;;
  deb) build_deb ;;
  all) build_rpm; build_deb ;;
  *) echo "usage: $0 [rpm|deb|all]" >&2; exit 2 ;;
esac
