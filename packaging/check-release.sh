#!/usr/bin/env bash
# Checks a release binary and its bundle the way a head node will meet them, and prints one summary
# line: size, highest GLIBC version needed, start-up time as a ratio to /bin/true.
#
#   packaging/check-release.sh --label NAME --binary DIR --bundle TARBALL [--config FILE]
#
# Fails when:
#   - the binary needs a glibc newer than 2.17 (names the symbols; see packaging/glibc-compat/),
#   - the binary is not stripped or has no debug symbols file beside it,
#   - the bundle, installed by its own install.sh into a Debian bullseye chroot (glibc 2.31, no
#     systemd), does not run there: --version, config validate, backends list and a reference
#     command name (waldur_site_diagnostics --help).
# Needs root (chroot), binutils (objdump, readelf) and the bullseye sysroot (made when missing).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
label="" bindir="" bundle="" config="$repo/examples/waldur-site-agent-config.yaml"
readonly MAX_GLIBC=2.17 STARTS=20
while [[ $# -gt 0 ]]; do
  case "$1" in
    --label) label="$2"; shift 2 ;;
    --binary) bindir="$2"; shift 2 ;;
    --bundle) bundle="$2"; shift 2 ;;
    --config) config="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "check-release.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
binary="$bindir/waldur-site-agent"
[[ -x "$binary" && -f "$bundle" ]] || { echo "check-release.sh: needs --binary DIR (with waldur-site-agent) and --bundle TARBALL" >&2; exit 2; }

failures=()
fail() { failures+=("$*"); echo "check-release.sh [$label]: FAIL: $*" >&2; }

# Highest GLIBC_x.y among the versioned symbols the binary imports.
glibc_needed=$(objdump -T "$binary" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n 1)
if [[ "$(printf '%s\n%s\n' "$glibc_needed" "$MAX_GLIBC" | sort -V | tail -n 1)" != "$MAX_GLIBC" ]]; then
  fail "needs GLIBC_$glibc_needed (at most GLIBC_$MAX_GLIBC); symbols: $(objdump -T "$binary" | awk -v max="$MAX_GLIBC" '
    match($0, /GLIBC_[0-9.]+/) { v = substr($0, RSTART + 6, RLENGTH - 6); split(v, a, "."); split(max, m, ".");
      if (a[1] > m[1] || (a[1] == m[1] && a[2] + 0 > m[2] + 0)) printf "%s@GLIBC_%s ", $NF, v }')"
fi

if readelf -S "$binary" | grep -q '\.symtab'; then
  fail "the binary is not stripped (it has a .symtab)"
fi
if [[ ! -s "$bindir/waldur-site-agent.dbg" ]] || ! readelf -S "$binary" | grep -q '\.gnu_debuglink'; then
  fail "no debug symbols file (waldur-site-agent.dbg) or no .gnu_debuglink in the binary"
fi

# A bullseye root without systemd, the bundle installed into it by its own install.sh.
sysroot=$(bash "$repo/packaging/sysroot/make-sysroot.sh")
chroot_dir=$(mktemp -d)
unpacked=$(mktemp -d)
trap 'rm -rf "$chroot_dir" "$unpacked"' EXIT
cp -a "$sysroot/." "$chroot_dir/"
tar -xzf "$bundle" -C "$unpacked"
bundle_dir=$(find "$unpacked" -mindepth 1 -maxdepth 1 -type d | head -n 1)
if ! sh "$bundle_dir/install.sh" --root "$chroot_dir" >"$unpacked/install.log" 2>&1; then
  fail "install.sh --root failed: $(tail -n 5 "$unpacked/install.log")"
fi
cp "$config" "$chroot_dir/etc/waldur/check-config.yaml"
in_chroot() {
  local output
  if ! output=$(chroot "$chroot_dir" "$@" 2>&1); then
    fail "in the bullseye chroot, '$*' failed: $output"
    return 1
  fi
  printf '%s\n' "$output"
}
chroot_glibc=$(chroot "$chroot_dir" /usr/bin/ldd --version 2>/dev/null | sed -n '1s/.* \([0-9.]*\)$/\1/p')
in_chroot /usr/bin/waldur-site-agent --version >/dev/null || true
in_chroot /usr/bin/waldur-site-agent -c /etc/waldur/check-config.yaml config validate >/dev/null || true
in_chroot /usr/bin/waldur-site-agent backends list >/dev/null || true
if help=$(in_chroot /usr/bin/waldur_site_diagnostics --help); then
  grep -q 'reference: waldur_site_diagnostics' <<<"$help" || fail "waldur_site_diagnostics --help through the symlink did not show the diagnostics command"
fi

# Start-up: the same number of --version runs and /bin/true runs, back to back, in this run.
time_runs() {
  local start end
  start=$(date +%s%N)
  for ((i = 0; i < STARTS; i++)); do "$@" >/dev/null; done
  end=$(date +%s%N)
  echo $(((end - start) / STARTS / 1000))
}
true_us=$(time_runs /bin/true)
agent_us=$(time_runs "$binary" --version)
ratio=$(awk -v a="$agent_us" -v t="$true_us" 'BEGIN { printf "%.1f", a / (t > 0 ? t : 1) }')

size=$(stat -c %s "$binary")
dbg_size=$(stat -c %s "$bindir/waldur-site-agent.dbg" 2>/dev/null || echo 0)
printf 'release [%s]: size %d KiB (debug symbols apart: %d KiB), highest glibc needed GLIBC_%s (limit %s), runs in bullseye chroot (glibc %s): %s, start-up %d us = %sx /bin/true (%d us), %d runs each\n' \
  "$label" $((size / 1024)) $((dbg_size / 1024)) "$glibc_needed" "$MAX_GLIBC" "${chroot_glibc:-?}" \
  "$([[ ${#failures[@]} -eq 0 ]] && echo yes || echo see failures)" "$agent_us" "$ratio" "$true_us" "$STARTS"
if [[ ${#failures[@]} -gt 0 ]]; then
  exit 1
fi
