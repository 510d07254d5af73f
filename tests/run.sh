#!/usr/bin/env bash
# Runs every test of the project, the way CI does, on a Debian 12 machine:
#   1. installs the Debian packages the integration tests need (root; skipped when present),
#   2. brings up the real single-node SLURM cluster (tests/infra/slurm/up.sh) and the real
#      RabbitMQ broker with STOMP and Web-STOMP (tests/infra/rabbitmq/up.sh),
#   3. builds the solution (warnings are errors) and publishes the Native AOT agent binary,
#   4. builds and checks what ships, for the default and the slurm-only backend sets: RPM, DEB,
#      air-gapped bundle, glibc <= 2.17, a run in a Debian bullseye chroot (packaging/ci-release.sh),
#   5. runs all test projects against them,
#   6. prints the release summary and "N passed, N failed", and exits non-zero when anything failed.
# Daemons this script started are stopped again at the end; ones already running are left alone.
#
#   tests/run.sh [extra dotnet test options, e.g. --treenode-filter '/*/*/ConfigErrorTests/*']
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

log "release checks (packaging/ci-release.sh)"
mkdir -p "$repo/artifacts"
set +e
bash packaging/ci-release.sh --default-binary "$repo/artifacts/aot" 2>&1 | tee "$repo/artifacts/release.log"
release_status=${PIPESTATUS[0]}
set -e

log "running the tests"
rm -rf "$results"
status=0
dotnet test --solution Agent.sln -c Release --no-build --results-directory "$results" --report-trx \
  --max-parallel-test-modules 1 "$@" || status=$?

# One TRX report per test module; its <Counters> line holds the module's totals.
passed=0 failed=0 skipped=0
for report in "$results"/*.trx; do
  [[ -f "$report" ]] || continue
  line=$(grep -o '<Counters [^>]*>' "$report" | head -n 1)
  value() { local v; v=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$line"); echo "${v:-0}"; }
  echo "  $(basename "$report"): $(value passed) passed, $(value failed) failed, $(value notExecuted) skipped"
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  # A test module crashed or failed to start: count it as a failure so the summary cannot look green.
  failed=1
fi
grep '^release \[' "$repo/artifacts/release.log" || true
if [[ $release_status -ne 0 ]]; then
  log "release checks FAILED (see above)"
  failed=$((failed + 1))
fi
echo "$passed passed, $failed failed ($skipped skipped)"
exit $(( failed > 0 ? 1 : 0 ))
