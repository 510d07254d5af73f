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

main() {
  require_root
  stop_all "$STOP_WAIT"
}

main "$@"
