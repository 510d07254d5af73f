#!/usr/bin/env bash
# Stop the test cluster started by up.sh: only the processes whose pids up.sh
# recorded, in reverse start order, waiting for each to exit. The state dir
# (configuration, MUNGE key, accounting database) is kept, so the next up.sh
# finds the same accounts. Safe to run when nothing is running.
#
# Environment:
#   SLURM_TEST_STATE_DIR  state dir (default /var/lib/waldur-agent-test/slurm)
#   SLURM_TEST_STOP_WAIT  seconds to wait per daemon before SIGKILL (default 30)
#
# Job steps (slurmstepd) of jobs still running are not stopped: they were
# started by slurmd for the tests, not by up.sh; cancel jobs before down.sh.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
  require_root
  stop_all "$STOP_WAIT"
}

main "$@"
