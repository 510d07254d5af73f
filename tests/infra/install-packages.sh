#!/usr/bin/env bash
# Install, from Debian's own archive, everything the integration tests need:
# SLURM 22.05 (controller, node daemon, accounting daemon, client tools),
# MariaDB for slurmdbd, MUNGE, RabbitMQ 3.10 (the STOMP broker), the packaging tools the package tests use
# (rpmbuild, debhelper, lintian, rpmlint; systemd-analyze comes with systemd)
# and the native toolchain the Native AOT publish links with. Idempotent: when every
# package is already installed it returns at once without touching apt.
#
# Usage: tests/infra/install-packages.sh        (as root)
set -euo pipefail

# slurmdbd pulls in slurm-wlm-mysql-plugin; mariadb-server pulls in the
# client (mariadb, mariadb-admin, mariadb-install-db). procps gives ps/pgrep
# used by the scripts' diagnostics. build-essential gives gcc, libc6-dev and
# binutils (objcopy) for packaging/build-binary.sh (the AOT linker falls back
# to gcc when clang is absent), and dpkg-buildpackage refuses to run without
# it (build-essential:native). The release binary is linked with clang and lld against a Debian
# bullseye sysroot that debootstrap makes (packaging/sysroot/make-sysroot.sh); rpmlint checks the RPM.
# rabbitmq-server brings Erlang and the stomp, web_stomp and management plugins (enabled by
# tests/infra/rabbitmq/up.sh).
readonly PACKAGES=(
  munge
  mariadb-server
  slurmdbd
  slurmctld
  slurmd
  slurm-client
  rabbitmq-server
  procps
  build-essential
  rpm
  debhelper
  dpkg-dev
  lintian
  rpmlint
  systemd
  debootstrap
  clang
  lld
  # a real terminal for the operator-command table tests
  tmux
)

readonly POLICY_RC=/usr/sbin/policy-rc.d
created_policy_rc=0

log() { printf 'install-packages: %s\n' "$*" >&2; }

# Prints the packages of PACKAGES that dpkg does not report as installed.
missing_packages() {
  local pkg status
  for pkg in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == installed ]] || printf '%s\n' "$pkg"
  done
}

# Without systemd as PID 1, the maintainer scripts would run the SysV init
# scripts: MariaDB would start on 3306, RabbitMQ on every interface and the
# SLURM daemons would fail for want of a configuration. The up.sh scripts
# start everything themselves, so forbid service
# starts for the duration of the install (exit 101 = "action forbidden").
block_service_starts() {
  if [[ ! -e "$POLICY_RC" ]]; then
    printf '#!/bin/sh\n# temporary, from tests/infra/install-packages.sh\nexit 101\n' >"$POLICY_RC"
    chmod 0755 "$POLICY_RC"
    created_policy_rc=1
  fi
}

# Remove the policy file only if this script created it; an existing one
# (Docker images ship one) belongs to someone else.
restore_service_starts() {
  if [[ "$created_policy_rc" == 1 ]]; then
    rm -f "$POLICY_RC"
  fi
}

main() {
  if [[ $EUID -ne 0 ]]; then
    log "must run as root"
    exit 1
  fi

  local start=$SECONDS missing
  missing=$(missing_packages)
  if [[ -z "$missing" ]]; then
    log "all packages already installed"
    return 0
  fi

  log "installing: ${missing//$'\n'/ }"
  trap restore_service_starts EXIT
  block_service_starts

  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Recommends are left out: they add mail and documentation packages the
  # tests never use. --force-confold keeps any configuration already present.
  # shellcheck disable=SC2086  # word splitting of the package list is wanted
  apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    $missing >/dev/null

  missing=$(missing_packages)
  if [[ -n "$missing" ]]; then
    log "still missing after install: ${missing//$'\n'/ }"
    exit 1
  fi
  log "done in $((SECONDS - start)) s"
}

main "$@"
