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

log() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; }

die() {
  log "ERROR: $*"
  exit 1
}

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

# Serialise up.sh and down.sh on one state dir (two CI steps, or a developer
# and a test harness, may call them at once). Daemons must not inherit fd 9,
# or they would hold the lock for ever: start_daemon closes it
# (close_inherited_fds in up.sh).
lock_state_dir() {
  mkdir -p "$STATE_DIR"
  exec 9>"$STATE_DIR/.lock"
  flock -w 300 9 || die "another up.sh/down.sh holds $STATE_DIR/.lock"
}

pid_file() { printf '%s/%s.pid\n' "$PID_DIR" "$1"; }

# Prints the recorded pid of daemon $1 when that process is still alive and
# still is that daemon (the comm check guards against pid reuse after a
# reboot, since the state dir outlives the processes). Returns 1 otherwise.
running_pid() {
  local name=$1 file pid comm
  file=$(pid_file "$name")
  [[ -r "$file" ]] || return 1
  pid=$(<"$file")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
  [[ "$comm" == "$name" ]] || return 1
  printf '%s\n' "$pid"
}

# Runs a client command with stdin closed and a hard time limit: sacctmgr
# without -i can otherwise loop forever on "Y or N please".
client() {
  timeout 15 "$@" </dev/null
}

# stop_daemon NAME: SIGTERM the recorded pid, wait, SIGKILL as a last resort
# (MariaDB and slurmdbd flush state on SIGTERM, so the wait is generous:
# SLURM_TEST_STOP_WAIT seconds, default 30).
stop_daemon() {
  local name=$1 pid deadline
  if ! pid=$(running_pid "$name"); then
    rm -f "$(pid_file "$name")"
    return 0
  fi
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + ${SLURM_TEST_STOP_WAIT:-30}))
  while running_pid "$name" >/dev/null; do
    if ((SECONDS >= deadline)); then
      log "WARNING: $name (pid $pid) still running after ${SLURM_TEST_STOP_WAIT:-30}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  rm -f "$(pid_file "$name")"
}
