#!/usr/bin/env bash
# Makes the Debian bullseye sysroot the release binary links against, or reuses the cached one,
# and prints its path on stdout.
#
#   packaging/sysroot/make-sysroot.sh
#
# Why: a binary links against the C library of its sysroot and then needs that glibc version or
# newer at run time. Linked on Debian 12 it needs GLIBC_2.34 and starts only on RHEL 9-class head
# nodes; linked against bullseye (glibc 2.31), with the two libm symbols handled by
# packaging/glibc-compat/glibc-compat.c, it needs GLIBC_2.17 and starts on RHEL/CentOS 7 and later.
#
# The sysroot is a debootstrap minbase with the C/C++ development packages the Native AOT linker
# needs. Absolute symlinks inside it are rewritten as relative ones, so that the linker, which
# resolves them on the build host, stays inside the sysroot. The result is cached under
# WALDUR_SYSROOT_CACHE (default /var/cache/waldur-site-agent/sysroot), keyed by the suite, the
# package list and this script's recipe version; a half-made sysroot is never reused.
#
# Needs root and debootstrap. The mirror is the Debian mirror apt uses on this machine
# (WALDUR_SYSROOT_MIRROR overrides it).
set -euo pipefail

readonly SUITE=bullseye
readonly PACKAGES=(libc6-dev libgcc-10-dev libstdc++-10-dev zlib1g-dev)
# Bump when the recipe below changes in a way that changes the result.
readonly RECIPE=1

log() { printf 'make-sysroot: %s\n' "$*" >&2; }

# The first Debian archive URI in apt's sources (deb822 or one-line format).
apt_mirror() {
  local uri
  uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\/debian\)\/\?$/\1/p' | head -n 1)
  if [[ -z "$uri" ]]; then
    uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
      sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]*\/debian\)\/\?[[:space:]].*/\2/p' | head -n 1)
  fi
  printf '%s\n' "$uri"
}

# Rewrites every absolute symlink under $1 as a link relative to its own directory.
relativize_links() {
  local root=$1 link target rel
  while IFS= read -r -d '' link; do
    target=$(readlink "$link")
    [[ "$target" == /* ]] || continue
    rel=$(realpath -m --relative-to="$(dirname "$link")" "$root$target")
    ln -sfn "$rel" "$link"
  done < <(find "$root" -type l -print0)
}

main() {
  local cache key dir tmp mirror
  cache=${WALDUR_SYSROOT_CACHE:-/var/cache/waldur-site-agent/sysroot}
  key=$(printf '%s\n' "$SUITE" "${PACKAGES[@]}" "$RECIPE" | sha256sum | cut -c1-12)
  dir="$cache/$SUITE-$key"
  if [[ -f "$dir/.complete" ]]; then
    log "reusing $dir"
    printf '%s\n' "$dir"
    return 0
  fi

  if [[ $EUID -ne 0 ]]; then
    log "no cached sysroot at $dir, and making one needs root (debootstrap)"
    exit 1
  fi
  if ! command -v debootstrap >/dev/null; then
    log "debootstrap is missing (tests/infra/install-packages.sh installs it)"
    exit 1
  fi
  mirror=${WALDUR_SYSROOT_MIRROR:-$(apt_mirror)}
  if [[ -z "$mirror" ]]; then
    log "cannot find a Debian mirror in apt's sources; set WALDUR_SYSROOT_MIRROR"
    exit 1
  fi

  mkdir -p "$cache"
  tmp=$(mktemp -d "$cache/.$SUITE-$key.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  log "debootstrap $SUITE (minbase + ${PACKAGES[*]}) from $mirror into $dir"
  local start=$SECONDS
  if ! debootstrap --variant=minbase --arch=amd64 --include="$(IFS=,; echo "${PACKAGES[*]}")" \
      "$SUITE" "$tmp" "$mirror" >"$tmp.log" 2>&1; then
    log "debootstrap failed; its log:"
    tail -n 30 "$tmp.log" >&2
    rm -f "$tmp.log"
    exit 1
  fi
  rm -f "$tmp.log"
  # Package caches are not part of a sysroot.
  rm -rf "$tmp/var/cache/apt/archives/"*.deb "$tmp/var/lib/apt/lists/"*
  relativize_links "$tmp"
  touch "$tmp/.complete"
  rm -rf "$dir"
  mv "$tmp" "$dir"
  trap - EXIT
  log "done in $((SECONDS - start)) s"
  printf '%s\n' "$dir"
}

main "$@"
