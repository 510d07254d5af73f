#!/usr/bin/env bash
# rabbitmqctl against the test broker (its node name, cookie and epmd), e.g.
#   bash tests/infra/rabbitmq/ctl.sh list_queues -p <vhost>
#   bash tests/infra/rabbitmq/ctl.sh stop_app && bash tests/infra/rabbitmq/ctl.sh start_app
# stop_app/start_app restart the broker application (every connection drops,
# listeners close and reopen) without restarting the Erlang VM.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

exec timeout 120 "$RABBITMQ_BIN/rabbitmqctl" -n "$NODE" "$@" </dev/null
