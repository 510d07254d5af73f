#!/bin/sh
# Installs and manages the agent's systemd units on a host; used by the RPM and DEB scriptlets and
# by the air-gapped bundle's install.sh, so that all three behave the same. POSIX sh: it runs
# wherever a package scriptlet runs, including RHEL/CentOS 7.
#
#   units.sh select                     prints the unit set for this host: modern or legacy
#   units.sh install SETS UNITDIR [SET] copies SETS/<set>/*.service into UNITDIR (set: select's answer)
#   units.sh remove SETS UNITDIR        deletes those units from UNITDIR
#   units.sh reload                     systemctl daemon-reload
#   units.sh restart-running            restarts the agent's units that are running, and only those
#   units.sh stop-running               stops the agent's units that are running
#
# The modern set uses directives up to systemd 235 (LockPersonality=); older systemd gets the
# legacy set, which uses only directives systemd 219 knows. Nothing here enables or starts a unit.
# Without systemd as PID 1 (a container, a chroot, an image build) reload/restart/stop do nothing.
set -eu

readonly MODERN_MIN_VERSION=235
readonly PATTERNS="waldur-site-agent@*.service waldur-agent-*.service"

systemd_version() {
  command -v systemctl >/dev/null 2>&1 || return 0
  systemctl --version 2>/dev/null | sed -n '1s/^systemd \([0-9][0-9]*\).*/\1/p'
}

# True when systemd is the running service manager (is-system-running answers "offline" elsewhere).
systemd_running() {
  command -v systemctl >/dev/null 2>&1 || return 1
  state=$(systemctl is-system-running 2>/dev/null || true)
  case "$state" in
    ""|offline|unknown) return 1 ;;
    *) return 0 ;;
  esac
}

running_units() {
  # shellcheck disable=SC2086  # the patterns are separate arguments
  systemctl list-units --type=service --state=running --no-legend --plain $PATTERNS 2>/dev/null |
    awk '$1 ~ /^waldur-(site-agent@|agent-).*\.service$/ { print $1 }'
}

select_set() {
  version=$(systemd_version)
  if [ -n "$version" ] && [ "$version" -lt "$MODERN_MIN_VERSION" ]; then
    echo legacy
  else
    echo modern
  fi
}

case "${1:-}" in
  select)
    select_set
    ;;
  install)
    sets=$2 unitdir=$3 set=${4:-$(select_set)} version=$(systemd_version)
    [ -d "$sets/$set" ] || { echo "units.sh: no unit set $sets/$set" >&2; exit 1; }
    mkdir -p "$unitdir"
    for unit in "$sets/$set"/*.service; do
      cp "$unit" "$unitdir/$(basename "$unit").new"
      chmod 0644 "$unitdir/$(basename "$unit").new"
      mv -f "$unitdir/$(basename "$unit").new" "$unitdir/$(basename "$unit")"
    done
    echo "waldur-site-agent: installed the $set systemd units (systemd ${version:-not found}) in $unitdir"
    ;;
  remove)
    sets=$2 unitdir=$3
    for unit in "$sets"/modern/*.service "$sets"/legacy/*.service; do
      rm -f "$unitdir/$(basename "$unit")"
    done
    ;;
  reload)
    if systemd_running; then systemctl daemon-reload || true; fi
    ;;
  restart-running)
    if systemd_running; then
      units=$(running_units)
      # shellcheck disable=SC2086
      if [ -n "$units" ]; then systemctl try-restart $units || true; fi
    fi
    ;;
  stop-running)
    if systemd_running; then
      units=$(running_units)
      # shellcheck disable=SC2086
      if [ -n "$units" ]; then systemctl stop $units || true; fi
    fi
    ;;
  *)
    sed -n '2,15p' "$0" >&2
    exit 2
    ;;
esac
