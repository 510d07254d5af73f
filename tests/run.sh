#!/usr/bin/env bash
# Runs every test of the project, the way CI does, on a Debian 12 machine:
#   1. installs the Debian packages the integration tests need (root; skipped when present),
#   2. brings up the real single-node SLURM cluster (tests/infra/slurm/up.sh) and the real
#      RabbitMQ broker with STOMP and Web-STOMP (tests/infra/rabbitmq/up.sh),
#   3. builds the solution (warnings are errors) and publishes the Native AOT agent binary,
#   4. runs all test projects against them,
#   5. prints "N passed, N failed" and exits non-zero when anything failed.
# Daemons this script started are stopped again at the end; ones already running are left alone.
#
#   tests/run.sh [extra dotnet test options, e.g. --filter-class '*ConfigErrorTests']
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
results="$repo/artifacts/test-results"
started_slurm=0
started_rabbitmq=0

log() { printf '[tests/run.sh] %s\n' "$*"; }

cleanup() {
  if [[ $started_slurm -eq 1 ]]; then
    log "stopping the SLURM cluster this run started"
    bash tests/infra/slurm/down.sh >/dev/null 2>&1 || true
  fi
  if [[ $started_rabbitmq -eq 1 ]]; then
    log "stopping the RabbitMQ broker this run started"
    bash tests/infra/rabbitmq/down.sh >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

log "installing Debian packages the tests need (if missing)"
bash tests/infra/install-packages.sh

if ! bash tests/infra/slurm/status.sh >/dev/null 2>&1; then
  started_slurm=1
fi
log "bringing up SLURM"
bash tests/infra/slurm/up.sh
# shellcheck source=infra/slurm/cluster.env
. tests/infra/slurm/cluster.env
export WALDUR_AGENT_REQUIRE_SLURM=1

if ! bash tests/infra/rabbitmq/status.sh >/dev/null 2>&1; then
  started_rabbitmq=1
fi
log "bringing up RabbitMQ"
bash tests/infra/rabbitmq/up.sh
# shellcheck source=infra/rabbitmq/broker.env
. tests/infra/rabbitmq/broker.env
export WALDUR_AGENT_REQUIRE_RABBITMQ=1

log "building the solution"
dotnet build Agent.sln -c Release -nologo -clp:NoSummary

log "publishing the Native AOT binary"
bash packaging/build-binary.sh --out "$repo/artifacts/aot"
export WALDUR_SITE_AGENT_BIN="$repo/artifacts/aot/waldur-site-agent"
"$WALDUR_SITE_AGENT_BIN" --version
"$WALDUR_SITE_AGENT_BIN" -c examples/waldur-site-agent-config.yaml config validate

log "running the tests"
rm -rf "$results"
status=0
# Test modules run one after another. xunit.v3 and TUnit modules take different report options
# (--report-xunit vs --report-trx), so each module is started with its own; the summary reads both.
mapfile -t test_projects < <(dotnet sln Agent.sln list | grep -E '^tests/.*\.csproj$' | sort)
for project in "${test_projects[@]}"; do
  if grep -q '<PackageReference Include="TUnit"' "$project"; then
    report=(--report-trx)
  elif grep -q '<PackageReference Include="xunit.v3"' "$project"; then
    report=(--report-xunit)
  else
    continue # tooling (emulator, contract, benchmarks): not a test module
  fi
  log "testing $project"
  dotnet test --project "$project" -c Release --no-build --results-directory "$results" "${report[@]}" "$@" || status=$?
done

passed=0 failed=0 skipped=0
# count PATTERN TAG PASSED FAILED FAILED FAILED FAILED SKIPPED (attribute names, - for none): adds the
# counters of the first <TAG …> element of
# every report matching PATTERN (xunit: <assembly passed=…>, TRX: <Counters passed=…>).
count() {
  local pattern=$1 tag=$2 report line
  shift 2
  for report in $pattern; do
    [[ -f "$report" ]] || continue
    line=$(grep -o "<$tag [^>]*>" "$report" | head -n 1)
    passed=$((passed + $(value "$1")))
    failed=$((failed + $(value "$2") + $(value "$3") + $(value "$4") + $(value "$5")))
    skipped=$((skipped + $(value "$6")))
  done
}
value() { local v; v=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$line"); echo "${v:-0}"; }
count "$results/*.xunit" assembly passed failed - - - skipped
count "$results/*.trx" Counters passed failed error timeout aborted notExecuted
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  # A test module crashed or failed to start: count it as a failure so the summary cannot look green.
  failed=1
fi
echo "$passed passed, $failed failed ($skipped skipped)"
exit $(( failed > 0 ? 1 : 0 ))
