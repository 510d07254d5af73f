#!/usr/bin/env bash
# Runs one SLURM write, `sacctmgr --immediate ARGS...`, under the host-wide
# write lock of the agent; the only way scripts of this repository write to
# SLURM (a test fails on any other). SLURM 22.05's slurmdbd corrupts its
# association tree when two writers overlap.
#
#   tests/infra/slurm/sacctmgr-write.sh remove account where name=demo_a_x
#
# Exits with sacctmgr's status (1 for "Nothing deleted" and the like), or 75
# when the lock or a writer left by a dead holder is not free within
# SACCTMGR_WRITE_WAIT seconds (default 300), or 124 when sacctmgr ran longer
# than SACCTMGR_WRITE_LIMIT seconds (default 120; it is then killed).
#
# The protocol is the agent's (SacctmgrWriteLock): flock(LOCK_EX) on the lock
# file ($WALDUR_SITE_AGENT_SACCTMGR_LOCK, else
# /run/waldur-site-agent/sacctmgr.lock when /run/waldur-site-agent can be
# written, else /var/lib/waldur-site-agent/sacctmgr.lock); once it holds the
# lock, a writer first waits while the sacctmgr recorded in the file (by a
# holder that died) still runs, then records its own sacctmgr there as
#   pid=<pid> start=<start time in ticks after boot> boot=<boot id> comm=sacctmgr
# and clears the line when it has exited.
set -euo pipefail

readonly WAIT=${SACCTMGR_WRITE_WAIT:-300}
readonly LIMIT=${SACCTMGR_WRITE_LIMIT:-120}
readonly BOOT_ID_FILE=/proc/sys/kernel/random/boot_id

say() { printf 'sacctmgr-write.sh: %s\n' "$*" >&2; }

lock_path() {
  if [[ -n "${WALDUR_SITE_AGENT_SACCTMGR_LOCK:-}" ]]; then
    printf '%s\n' "$WALDUR_SITE_AGENT_SACCTMGR_LOCK"
  elif mkdir -p /run/waldur-site-agent 2>/dev/null && [[ -w /run/waldur-site-agent ]]; then
    printf '%s\n' /run/waldur-site-agent/sacctmgr.lock
  else
    printf '%s\n' /var/lib/waldur-site-agent/sacctmgr.lock
  fi
}

# stat_fields PID: prints "<comm> <state> <start ticks>" of a live process;
# fails when there is none. The name may hold spaces: it ends at the last ')'.
stat_fields() {
  local stat rest comm fields
  { stat=$(<"/proc/$1/stat"); } 2>/dev/null || return 1
  comm=${stat#*(}
  comm=${comm%)*}
  rest=${stat##*) }
  read -r -a fields <<<"$rest"
  printf '%s %s %s\n' "${comm// /_}" "${fields[0]}" "${fields[19]}"
}

# writer_running PID START BOOT: the recorded process still runs as sacctmgr.
writer_running() {
  local comm state start
  [[ "$3" == "$(<"$BOOT_ID_FILE")" ]] || return 1
  read -r comm state start < <(stat_fields "$1") || return 1
  [[ "$comm" == sacctmgr && "$start" == "$2" && "$state" != [ZXx] ]]
}

# Waits while the writer recorded in the lock file runs (a holder that died
# left it); fails after the remaining wait time.
wait_for_recorded_writer() {
  local lock=$1 deadline=$2 record pid start boot
  record=$(<"$lock")
  [[ "$record" =~ (^| )pid=([0-9]+)( |$) ]] || return 0
  pid=${BASH_REMATCH[2]}
  [[ "$record" =~ (^| )start=([0-9]+)( |$) ]] || return 0
  start=${BASH_REMATCH[2]}
  [[ "$record" =~ (^| )boot=([^ ]+)( |$) ]] || return 0
  boot=${BASH_REMATCH[2]}
  writer_running "$pid" "$start" "$boot" || return 0
  say "sacctmgr (pid $pid) left running by a holder of $lock that died is still writing; waiting for it"
  while writer_running "$pid" "$start" "$boot"; do
    if ((SECONDS >= deadline)); then
      say "ERROR: sacctmgr (pid $pid) of a dead holder of $lock still runs after ${WAIT}s; wait for it or end it (kill $pid)"
      exit 75
    fi
    sleep 0.05
  done
}

main() {
  (($# > 0)) || {
    say "usage: sacctmgr-write.sh <sacctmgr arguments>"
    exit 2
  }
  local lock pid start status deadline=$((SECONDS + WAIT))
  lock=$(lock_path)
  mkdir -p "$(dirname "$lock")"
  # Not close-on-exec: sacctmgr inherits the descriptor, so should this script
  # be killed, the lock stays held until sacctmgr itself has exited.
  exec {lock_fd}<>"$lock"
  flock -w "$WAIT" "$lock_fd" || {
    say "ERROR: the sacctmgr write lock $lock was not free within ${WAIT}s; is a sacctmgr hung? (ps -ef | grep sacctmgr)"
    exit 75
  }
  wait_for_recorded_writer "$lock" "$deadline"

  sacctmgr --immediate "$@" </dev/null &
  pid=$!
  if read -r _ _ start < <(stat_fields "$pid"); then
    printf 'pid=%s start=%s boot=%s comm=sacctmgr\n' "$pid" "$start" "$(<"$BOOT_ID_FILE")" >"$lock"
  fi
  # Bash reaps the child as soon as it ends, so kill -0 fails from then on.
  deadline=$((SECONDS + LIMIT))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      say "ERROR: sacctmgr $* ran longer than ${LIMIT}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      : >"$lock"
      exit 124
    fi
    sleep 0.02
  done
  status=0
  wait "$pid" || status=$?
  : >"$lock"
  exit "$status"
}

main "$@"
