#!/usr/bin/env bash
# Fails when a legacy unit (for systemd 219, RHEL/CentOS 7) uses a directive systemd 219 does not
# know, or a path that is not absolute, and prints each offence with file and line.
#
#   packaging/systemd/check-legacy-units.sh [UNIT...]     (default: the rendered legacy set)
#
# The list of systemd 219's directives and its source: legacy/systemd-219-directives.txt.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
known="$here/legacy/systemd-219-directives.txt"

units=("$@")
if [[ ${#units[@]} -eq 0 ]]; then
  rendered=$(mktemp -d)
  trap 'rm -rf "$rendered"' EXIT
  bash "$here/render-units.sh" "$rendered"
  units=("$rendered"/legacy/*.service)
fi

failures=0 checked=0
for unit in "${units[@]}"; do
  section="" line_no=0
  while IFS= read -r line || [[ -n "$line" ]]; do
    line_no=$((line_no + 1))
    [[ -z "${line//[[:space:]]/}" || "$line" == \#* || "$line" == \;* ]] && continue
    if [[ "$line" =~ ^\[([A-Za-z]+)\]$ ]]; then
      section=${BASH_REMATCH[1]}
      continue
    fi
    key=${line%%=*} value=${line#*=}
    checked=$((checked + 1))
    if ! grep -qxF "$section.$key" "$known"; then
      echo "$(basename "$unit"):$line_no: $key= in [$section] is not a systemd 219 directive" >&2
      failures=$((failures + 1))
    fi
    case "$key" in
      ExecStart*|ExecStop*|ExecReload|EnvironmentFile|PIDFile|WorkingDirectory)
        path=${value#-}
        path=${path#@}
        if [[ "$path" != /* ]]; then
          echo "$(basename "$unit"):$line_no: $key= needs an absolute path on systemd 219, got '$value'" >&2
          failures=$((failures + 1))
        fi ;;
      StandardOutput|StandardError)
        case "$value" in
          append:*|file:*|truncate:*) echo "$(basename "$unit"):$line_no: $key=$value needs systemd 236 or later" >&2
            failures=$((failures + 1)) ;;
        esac ;;
    esac
  done <"$unit"
done

if [[ $failures -gt 0 ]]; then
  echo "legacy units: $failures problem(s)" >&2
  exit 1
fi
echo "legacy units: ${#units[@]} files, $checked directives, all known to systemd 219"
