#!/usr/bin/env bash
# Shows the agent doing its job on this machine:
#   1. starts the bundled Waldur emulator with a demo offering and three Create orders
#      (tests/SiteAgent.Waldur.Emulator/scenarios/demo.yaml),
#   2. runs the agent once (order_process) against it: as root it brings up a local SLURM cluster
#      (tests/infra) and creates real accounts; otherwise it runs with --dry-run and prints the plan,
#   3. prints the orders' states in Waldur and the SLURM accounts created.
# Processes it started are stopped at the end (add --keep to leave SLURM running).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
keep=0
[[ "${1:-}" == "--keep" ]] && keep=1
work=$(mktemp -d /tmp/waldur-agent-demo.XXXXXX)
emulator_pid=""
started_slurm=0

say() { printf '\n== %s\n' "$*"; }

cleanup() {
  [[ -n "$emulator_pid" ]] && kill "$emulator_pid" 2>/dev/null || true
  if [[ $started_slurm -eq 1 && $keep -eq 0 ]]; then
    bash tests/infra/slurm/down.sh >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

real_slurm=0
if [[ $EUID -eq 0 ]]; then
  say "Installing and starting a local SLURM cluster (127.0.0.1 only)"
  bash tests/infra/install-packages.sh
  bash tests/infra/slurm/status.sh >/dev/null 2>&1 || started_slurm=1
  bash tests/infra/slurm/up.sh
  # shellcheck source=../tests/infra/slurm/cluster.env
  . tests/infra/slurm/cluster.env
  real_slurm=1
else
  say "Not root: SLURM cannot be started here, so the agent runs with --dry-run and only prints its plan"
fi

say "Building the agent (Native AOT) and the Waldur emulator"
[[ -x artifacts/aot/waldur-site-agent ]] || bash packaging/build-binary.sh
dotnet build tests/SiteAgent.Waldur.Emulator -c Release -nologo -clp:NoSummary -v quiet
agent="$repo/artifacts/aot/waldur-site-agent"
emulator="$repo/artifacts/bin/SiteAgent.Waldur.Emulator/release/SiteAgent.Waldur.Emulator"

say "Starting the Waldur emulator with the demo scenario"
"$emulator" --seed demo.yaml --port 0 --url-file "$work/url" --quiet >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 100); do [[ -s "$work/url" ]] && break; sleep 0.1; done
api=$(cat "$work/url")
echo "Waldur API: $api"

cluster=${SLURM_TEST_CLUSTER:-rocket}
cat >"$work/waldur-site-agent-config.yaml" <<YAML
timezone: "UTC"
offerings:
  - name: "Rocket CPU cluster"
    waldur_api_url: "$api"
    waldur_api_token: "4b9f0e1c2d3a4f5e6a7b8c9d0e1f2a3b4c5d6e7f"
    waldur_offering_uuid: "d629d5e45567425da9cdbdc1af67b32c"
    backend_type: "slurm"
    order_processing_backend: "slurm"
    membership_sync_backend: "slurm"
    reporting_backend: "slurm"
    backend_settings:
      default_account: "root"
      customer_prefix: "demo_c_"
      project_prefix: "demo_p_"
      allocation_prefix: "demo_a_"
      cluster_name: "$cluster"
      enable_user_homedir_account_creation: false
    backend_components:
      cpu: {measured_unit: "k-Hours", unit_factor: 60000, accounting_type: "limit", label: "CPU"}
      mem: {measured_unit: "gb-Hours", unit_factor: 61440, accounting_type: "usage", label: "RAM"}
YAML

if [[ $real_slurm -eq 1 ]]; then
  # A previous demo's accounts would make the agent pick other names; start from a clean slate.
  # One removal of them all, under the write lock the agent takes (concurrent sacctmgr writers
  # corrupt SLURM 22.05's association tree).
  accounts=$(sacctmgr -n -P show assoc where cluster="$cluster" format=account | grep '^demo_' | sort -u | paste -sd, || true)
  if [[ -n "$accounts" ]]; then
    bash tests/infra/slurm/sacctmgr-write.sh remove account where name="$accounts" >/dev/null
  fi
fi

say "Checking the config"
"$agent" -c "$work/waldur-site-agent-config.yaml" config validate

say "Running the agent: one order_process cycle"
mode_args=(-m order_process -c "$work/waldur-site-agent-config.yaml" --once)
[[ $real_slurm -eq 1 ]] || mode_args+=(--dry-run)
WALDUR_SITE_AGENT_HEARTBEAT_FILE="$work/heartbeat" "$agent" "${mode_args[@]}"

say "Orders in Waldur"
"$emulator" --print-orders "$api" --token 4b9f0e1c2d3a4f5e6a7b8c9d0e1f2a3b4c5d6e7f

if [[ $real_slurm -eq 1 ]]; then
  say "SLURM accounts and users created by the agent (sacctmgr show assoc)"
  sacctmgr show assoc where cluster="$cluster" format=account%28,parentname%24,user%12,grptresmins%20 | grep -E 'Account|----|demo_'
fi
