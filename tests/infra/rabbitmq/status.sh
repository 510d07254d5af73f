#!/usr/bin/env bash
# Print which daemons of the test broker are up (by the pids up.sh recorded)
# and whether its STOMP, Web-STOMP and management listeners answer. Exit 0
# when the broker and every listener are up.
#
# Environment:
#   RABBITMQ_TEST_STATE_DIR  state dir (default /var/lib/waldur-agent-test/rabbitmq)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
  local name pid down=0 port label
  for name in "${DAEMONS[@]}"; do
    if pid=$(running_pid "$name"); then
      printf '%-10s up (pid %s)\n' "$name" "$pid"
    elif [[ $name == epmd ]] && port_open "$EPMD_PORT"; then
      printf '%-10s up (not started by up.sh)\n' "$name"
    else
      printf '%-10s down\n' "$name"
      down=$((down + 1))
    fi
  done
  for label in "stomp:$RABBITMQ_TEST_STOMP_PORT" "web_stomp:$WEB_STOMP_PORT" "management:$MANAGEMENT_PORT"; do
    port=${label#*:}
    if port_open "$port"; then
      printf '%-10s listening on 127.0.0.1:%s\n' "${label%%:*}" "$port"
    else
      printf '%-10s not listening on 127.0.0.1:%s\n' "${label%%:*}" "$port"
      down=$((down + 1))
    fi
  done
  printf 'node=%s state_dir=%s management=%s\n' "$NODE" "$STATE_DIR" "$RABBITMQ_TEST_MANAGEMENT_URL"
  ((down == 0))
}

main "$@"
