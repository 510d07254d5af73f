#!/bin/sh
# Installs the Waldur Site Agent from this bundle, with the same layout as the RPM and DEB packages,
# without network access and without a package manager.
#
#   ./install.sh [--root DIR] [--unit-set auto|modern|legacy]
#
#   --root DIR      install into DIR instead of / (an image, a chroot); systemd is then left alone
#   --unit-set SET  which systemd units to install; auto (default) asks this host's systemctl:
#                   systemd 235 and later get the modern units, older ones (RHEL/CentOS 7) the legacy units
#
# Installs /usr/bin/waldur-site-agent and the reference command names as symlinks to it, the units
# in /usr/lib/systemd/system, the example config as /etc/waldur/waldur-site-agent-config.yaml (mode
# 0600; an existing config is never touched), the environment file, /var/lib/waldur-site-agent.
# On a running systemd it reloads the units and restarts the agent units that were running (an
# upgrade); it never enables or starts anything. Checks SHA256SUMS first.
set -eu

root=/
unit_set=auto
while [ $# -gt 0 ]; do
  case "$1" in
    --root) root=${2:?--root needs a directory}; shift 2 ;;
    --unit-set) unit_set=${2:?--unit-set needs auto, modern or legacy}; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$unit_set" in auto|modern|legacy) ;; *) echo "install.sh: --unit-set must be auto, modern or legacy" >&2; exit 2 ;; esac

here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
if ! sha256sum -c --quiet SHA256SUMS; then
  echo "install.sh: the bundle does not match its SHA256SUMS; copy it again" >&2
  exit 1
fi
if [ "$root" = / ] && [ "$(id -u)" -ne 0 ]; then
  echo "install.sh: installing into / needs root (or use --root DIR)" >&2
  exit 1
fi
root=${root%/}
if [ "$unit_set" = auto ]; then
  if [ -z "$root" ]; then unit_set=$(sh systemd/units.sh select); else unit_set=modern; fi
fi

say() { printf 'install.sh: %s\n' "$*"; }

install -d -m 0755 "$root/usr/bin" "$root/usr/share/waldur-site-agent/systemd" "$root/usr/share/doc/waldur-site-agent/examples"
install -m 0755 bin/waldur-site-agent "$root/usr/bin/waldur-site-agent.new"
mv -f "$root/usr/bin/waldur-site-agent.new" "$root/usr/bin/waldur-site-agent"
while read -r name; do
  [ -n "$name" ] && ln -sfn waldur-site-agent "$root/usr/bin/$name"
done <share/reference-commands.txt
say "installed $root/usr/bin/waldur-site-agent and $(grep -c . share/reference-commands.txt) reference command names"

cp -R systemd/modern systemd/legacy systemd/units.sh "$root/usr/share/waldur-site-agent/systemd/"
sh systemd/units.sh install systemd "$root/usr/lib/systemd/system" "$unit_set"

install -d -m 0700 "$root/etc/waldur"
if [ -e "$root/etc/waldur/waldur-site-agent-config.yaml" ]; then
  say "kept the existing $root/etc/waldur/waldur-site-agent-config.yaml"
else
  install -m 0600 etc/waldur-site-agent-config.yaml "$root/etc/waldur/waldur-site-agent-config.yaml"
  say "installed the example config $root/etc/waldur/waldur-site-agent-config.yaml: edit it before starting"
fi
if [ -d "$root/etc/sysconfig" ]; then envfile=$root/etc/sysconfig/waldur-site-agent; else envfile=$root/etc/default/waldur-site-agent; fi
if [ ! -e "$envfile" ]; then
  install -D -m 0644 etc/waldur-site-agent.default "$envfile"
fi
install -d -m 0750 "$root/var/lib/waldur-site-agent"
install -m 0644 README.md "$root/usr/share/doc/waldur-site-agent/README.md"
install -m 0644 etc/waldur-site-agent-config.yaml "$root/usr/share/doc/waldur-site-agent/examples/waldur-site-agent-config.yaml"

if [ -z "$root" ]; then
  sh systemd/units.sh reload
  sh systemd/units.sh restart-running
fi
say "done; enable one unit per mode, e.g. systemctl enable --now waldur-site-agent@order_process"
