# shellcheck shell=bash disable=SC2034  # constants are used by the sourcing scripts
# Shared by up.sh, down.sh and status.sh (sourced, not run).
#
# Everything the test cluster writes lives under one state directory:
#   etc/   slurm.conf, slurmdbd.conf, gres.conf, munge.key, db.password
#   pids/  one <daemon>.pid per process up.sh started (the only thing
#          down.sh ever signals)
#   run/   sockets and the daemons' own pid files
#   log/   daemon logs (<daemon>.log) and their captured stdout/stderr (<daemon>.out)
#   spool/ slurmctld state and slurmd spool
#   mysql/ MariaDB data directory (the accounting database survives down.sh)
#   dev/   fake GPU device files for gres.conf

SLURM_TEST_INFRA_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# cluster.env names the cluster and the state dir; tests source the same file.
# shellcheck source-path=SCRIPTDIR source=cluster.env
source "$SLURM_TEST_INFRA_DIR/cluster.env"

readonly STATE_DIR=$SLURM_TEST_STATE_DIR
readonly CLUSTER=$SLURM_TEST_CLUSTER
readonly ETC_DIR=$STATE_DIR/etc
readonly PID_DIR=$STATE_DIR/pids
readonly RUN_DIR=$STATE_DIR/run
readonly LOG_DIR=$STATE_DIR/log
readonly MUNGE_SOCKET=$RUN_DIR/munge.sock
readonly MYSQL_SOCKET=$RUN_DIR/mysql.sock
# Ports from cluster.env (a second instance picks its own). MariaDB's default
# is 3307, not 3306, to stay clear of a system MariaDB.
readonly SLURMCTLD_PORT=$SLURM_TEST_SLURMCTLD_PORT
readonly SLURMD_PORT=$SLURM_TEST_SLURMD_PORT
readonly SLURMDBD_PORT=$SLURM_TEST_SLURMDBD_PORT
readonly MYSQL_PORT=$SLURM_TEST_MYSQL_PORT
readonly NODE_NAME=localhost

# Start order; down.sh walks it backwards.
readonly DAEMONS=(munged mariadbd slurmdbd slurmctld slurmd)

# Every SLURM program (daemons, sacctmgr, sinfo, ...) finds its configuration
# through SLURM_CONF; slurmdbd reads slurmdbd.conf from the same directory.
export SLURM_CONF

# shellcheck source-path=SCRIPTDIR source=../daemons.sh
source "$SLURM_TEST_INFRA_DIR/../daemons.sh"

# The values land in configuration files and in SQL table names: refuse
# anything but a plain name and port numbers.
check_settings() {
  [[ "$CLUSTER" =~ ^[a-z][a-z0-9_]{0,39}$ ]] ||
    die "SLURM_TEST_CLUSTER='$CLUSTER': use lower-case letters, digits and _ (at most 40, starting with a letter)"
  local name port
  for name in SLURM_TEST_SLURMCTLD_PORT SLURM_TEST_SLURMD_PORT SLURM_TEST_SLURMDBD_PORT SLURM_TEST_MYSQL_PORT; do
    port=${!name}
    [[ "$port" =~ ^[1-9][0-9]{0,4}$ ]] && ((port < 65536)) || die "$name='$port' is not a TCP port number"
  done
}

require_root() {
  [[ $EUID -eq 0 ]] || die "must run as root (the daemons run as root and SlurmUser=root)"
}

# Runs a client command with stdin closed and a hard time limit: sacctmgr
# without -i can otherwise loop forever on "Y or N please".
client() {
  timeout 15 "$@" </dev/null
}

# Seconds down.sh and the database repair wait for a daemon to stop before
# SIGKILL (MariaDB and slurmdbd flush state on SIGTERM).
readonly STOP_WAIT=${SLURM_TEST_STOP_WAIT:-30}
