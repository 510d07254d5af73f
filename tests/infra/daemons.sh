# shellcheck shell=bash
# Daemon plumbing shared by tests/infra/slurm and tests/infra/rabbitmq (sourced by their lib.sh,
# not run). The sourcing lib.sh defines STATE_DIR, PID_DIR and LOG_DIR; a COMM associative array
# may map a daemon name to the process name it runs under (default: the name itself); up.sh
# defines show_logs NAME for error messages.

# Without a declared associative COMM, ${COMM[$name]} would evaluate the name as arithmetic.
declare -p COMM >/dev/null 2>&1 || declare -gA COMM=()

log() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; }

die() {
  log "ERROR: $*"
  exit 1
}

# Serialise up.sh and down.sh on one state dir (two CI steps, or a developer
# and a test harness, may call them at once). Daemons must not inherit fd 9,
# or they would hold the lock for ever: start_daemon closes it.
lock_state_dir() {
  mkdir -p "$STATE_DIR"
  exec 9>"$STATE_DIR/.lock"
  flock -w 300 9 || die "another up.sh/down.sh holds $STATE_DIR/.lock"
}

pid_file() { printf '%s/%s.pid\n' "$PID_DIR" "$1"; }

# Prints the recorded pid of daemon $1 when that process is still alive and
# still is that daemon (the name check guards against pid reuse after a
# reboot, since the state dir outlives the processes). Returns 1 otherwise.
running_pid() {
  local name=$1 file pid comm
  file=$(pid_file "$name")
  [[ -r "$file" ]] || return 1
  pid=$(<"$file")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
  [[ "$comm" == "${COMM[$name]:-$name}" ]] || return 1
  printf '%s\n' "$pid"
}

# Close every descriptor above stderr in this (sub)shell. Daemons must not
# keep what the caller left open: the state-dir lock (fd 9) would stay held
# for ever, and an inherited pipe end keeps a CI runner or a `$(...)` that
# captured up.sh's output waiting for an EOF that never comes.
close_inherited_fds() {
  local fd_path fd
  for fd_path in /proc/"$BASHPID"/fd/*; do
    fd=${fd_path##*/}
    ((fd > 2)) || continue
    exec {fd}>&-
  done
}

# start_daemon NAME COMMAND...: start COMMAND (which must stay in the
# foreground and exec as NAME's process) in its own session, detached from
# this script's terminal and process group so that it outlives the caller,
# and record its pid. A daemon still running from an earlier run is kept.
start_daemon() {
  local name=$1 pid
  shift
  if pid=$(running_pid "$name"); then
    log "$name already running (pid $pid)"
    return 0
  fi
  rm -f "$(pid_file "$name")"
  printf -- '--- %s: starting %s\n' "$(date -Is)" "$*" >>"$LOG_DIR/$name.out"
  # A background child of a non-interactive script is not a process-group
  # leader, so setsid execs in place instead of forking: $! is the daemon.
  # In the state dir: a daemon that crashes leaves its core file there, not
  # in the caller's directory (a checkout, say).
  (
    close_inherited_fds
    cd "$STATE_DIR"
    exec setsid "$@" </dev/null >>"$LOG_DIR/$name.out" 2>&1
  ) &
  pid=$!
  printf '%s\n' "$pid" >"$(pid_file "$name")"
  # Until the exec chain (bash -> setsid -> daemon) completes, the process
  # still shows as bash or setsid; wait for it so running_pid is meaningful.
  local deadline=$((SECONDS + 20))
  until running_pid "$name" >/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null || ((SECONDS >= deadline)); then
      show_logs "$name"
      die "$name (pid $pid) did not start"
    fi
    sleep 0.1
  done
  log "$name started (pid $pid)"
}

# stop_daemon NAME WAIT: SIGTERM the recorded pid, wait up to WAIT seconds,
# SIGKILL as a last resort (MariaDB, slurmdbd and RabbitMQ flush state on
# SIGTERM, so the wait is generous).
stop_daemon() {
  local name=$1 wait=$2 pid deadline
  if ! pid=$(running_pid "$name"); then
    rm -f "$(pid_file "$name")"
    return 0
  fi
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + wait))
  while running_pid "$name" >/dev/null; do
    if ((SECONDS >= deadline)); then
      log "WARNING: $name (pid $pid) still running after ${wait}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  rm -f "$(pid_file "$name")"
}

# stop_all WAIT: stop every daemon of DAEMONS (the sourcing lib.sh's start
# order) in reverse order, under the state-dir lock.
stop_all() {
  local wait=$1 i
  [[ -d "$PID_DIR" ]] || {
    log "nothing to stop (no $PID_DIR)"
    return 0
  }
  lock_state_dir
  for ((i = ${#DAEMONS[@]} - 1; i >= 0; i--)); do
    stop_daemon "${DAEMONS[i]}" "$wait"
  done
  log "stopped; state kept in $STATE_DIR"
}
