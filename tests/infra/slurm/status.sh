#!/usr/bin/env bash
# Print which daemons of the test cluster are up (by the pids up.sh recorded)
# and, when the controller is up, the node state. Exit 0 when all are up.
#
# Environment:
#   SLURM_TEST_STATE_DIR  state dir (default /var/lib/waldur-agent-test/slurm)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
  local name pid down=0 node
  for name in "${DAEMONS[@]}"; do
    if pid=$(running_pid "$name"); then
      printf '%-10s up (pid %s)\n' "$name" "$pid"
    else
      printf '%-10s down\n' "$name"
      down=$((down + 1))
    fi
  done
  if running_pid slurmctld >/dev/null; then
    node=$(client sinfo -h -n "$NODE_NAME" -o %t 2>/dev/null) || node="no answer"
    printf '%-10s %s\n' "node" "$NODE_NAME: ${node:-unknown}"
  fi
  printf 'cluster=%s state_dir=%s SLURM_CONF=%s\n' "$CLUSTER" "$STATE_DIR" "$SLURM_CONF"
  ((down == 0))
}

main "$@"
