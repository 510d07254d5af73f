#!/usr/bin/env bash
# Stop the test broker started by up.sh: only the processes whose pids up.sh
# recorded (the broker, then epmd), waiting for each to exit. The state dir
# (users, vhosts, durable queues) is kept. Safe to run when nothing is running.
#
# Environment:
#   RABBITMQ_TEST_STATE_DIR  state dir (default /var/lib/waldur-agent-test/rabbitmq)
#   RABBITMQ_TEST_STOP_WAIT  seconds to wait per daemon before SIGKILL (default 30)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

readonly STOP_WAIT=${RABBITMQ_TEST_STOP_WAIT:-30}

# stop_daemon NAME: SIGTERM the recorded pid (the broker shuts down cleanly on
# it), wait, SIGKILL as a last resort.
stop_daemon() {
  local name=$1 pid deadline
  if ! pid=$(running_pid "$name"); then
    rm -f "$(pid_file "$name")"
    return 0
  fi
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + STOP_WAIT))
  while running_pid "$name" >/dev/null; do
    if ((SECONDS >= deadline)); then
      log "WARNING: $name (pid $pid) still running after ${STOP_WAIT}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  rm -f "$(pid_file "$name")"
}

main() {
  require_root
  [[ -d "$PID_DIR" ]] || {
    log "nothing to stop (no $PID_DIR)"
    return 0
  }
  lock_state_dir
  local i
  for ((i = ${#DAEMONS[@]} - 1; i >= 0; i--)); do
    stop_daemon "${DAEMONS[i]}"
  done
  log "stopped; state kept in $STATE_DIR"
}

main "$@"
