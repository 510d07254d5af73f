#!/usr/bin/env bash
# Makes the two unit sets the packages and the bundle install:
#   OUT/modern/  for systemd 235 and later (waldur-site-agent@.service and its hardening)
#   OUT/legacy/  for older systemd, down to 219 (RHEL/CentOS 7)
# each with the template and one unit per reference-agent unit name (reference-units.txt), made
# from that template with the mode filled in and a Conflicts= on the template instance of the same
# mode, so that a mode never runs twice under its two names.
#
#   packaging/systemd/render-units.sh OUT
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:?usage: render-units.sh OUT}

render_set() {
  local template=$1 dir=$2 name mode
  mkdir -p "$dir"
  install -m 0644 "$template" "$dir/waldur-site-agent@.service"
  while read -r name mode; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    {
      printf '# The reference agent'"'"'s unit name for the %s mode, made by render-units.sh from\n' "$mode"
      printf '# waldur-site-agent@.service. Run either this unit or waldur-site-agent@%s, not both.\n' "$mode"
      # Drop the template's opening comments, fill in the instance, add the conflict.
      sed -e '1,/^\[Unit\]$/{/^#/d}' -e "s/%i/$mode/g" \
        -e "/^\[Unit\]$/a Conflicts=waldur-site-agent@$mode.service" "$template"
    } >"$dir/$name.service"
    chmod 0644 "$dir/$name.service"
  done <"$here/reference-units.txt"
}

render_set "$here/waldur-site-agent@.service" "$out/modern"
render_set "$here/legacy/waldur-site-agent@.service" "$out/legacy"
