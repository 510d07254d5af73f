#!/usr/bin/env bash
# Builds and checks what ships, for each backend set CI covers: the RPM, the DEB and the
# air-gapped bundle (packaging/build-packages.sh), then the binary and the bundle on a bullseye
# chroot (packaging/check-release.sh). Prints one summary line per set; exits 1 when any check failed.
#
#   packaging/ci-release.sh [--default-binary DIR]
#
# The default set reuses the binary tests/run.sh already published (DIR, default artifacts/aot);
# slurm-only costs one more Native AOT publish (about 2-4 minutes on two cores). Packages and
# bundles cost seconds. Output: artifacts/release/<set>/.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
default_binary="$repo/artifacts/aot"
[[ "${1:-}" == --default-binary ]] && default_binary=$2

status=0 summary=()
release_set() {
  local label=$1 bindir=$2 backends=$3 config=$4 out="$repo/artifacts/release/$1" version
  version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -n 1)
  if [[ -n "$backends" || ! -x "$bindir/waldur-site-agent" ]]; then
    bash "$repo/packaging/build-binary.sh" --backends "$backends" --out "$bindir" || { summary+=("release [$label]: binary build FAILED"); status=1; return; }
  fi
  rm -rf "$out"
  if ! bash "$repo/packaging/build-packages.sh" --binary "$bindir" --out "$out" --label "$label" all; then
    summary+=("release [$label]: packages FAILED (see above)"); status=1; return
  fi
  local line
  if line=$(bash "$repo/packaging/check-release.sh" --label "$label" --binary "$bindir" --bundle "$out/waldur-site-agent-$version-linux-x64-$label.tar.gz" --config "$config"); then
    summary+=("$line")
  else
    summary+=("${line:-release [$label]: checks FAILED} (see above)"); status=1
  fi
}

# The example config names the "base" username backend, which a slurm-only binary does not hold;
# that set validates the same config without it.
slurm_only_config=$(mktemp)
trap 'rm -f "$slurm_only_config"' EXIT
sed '/username_management_backend: *"base"/d' "$repo/examples/waldur-site-agent-config.yaml" >"$slurm_only_config"

release_set default "$default_binary" "" "$repo/examples/waldur-site-agent-config.yaml"
release_set slurm-only "$repo/artifacts/aot-slurm-only" "slurm" "$slurm_only_config"

printf '%s\n' "${summary[@]}"
exit $status
