# shellcheck shell=bash disable=SC2034  # constants are used by the sourcing scripts
# Shared by up.sh, down.sh, status.sh and ctl.sh (sourced, not run).
#
# Everything the test broker writes lives under one state directory:
#   etc/     rabbitmq.conf, enabled_plugins
#   home/    HOME of the broker and of rabbitmqctl (the Erlang cookie)
#   pids/    one <daemon>.pid per process up.sh started (the only thing
#            down.sh ever signals)
#   mnesia/  the broker's database (users, vhosts, durable queues)
#   log/     the broker's own logs and the daemons' captured output (<daemon>.out)

RABBITMQ_TEST_INFRA_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source-path=SCRIPTDIR source=broker.env
source "$RABBITMQ_TEST_INFRA_DIR/broker.env"

readonly STATE_DIR=$RABBITMQ_TEST_STATE_DIR
readonly ETC_DIR=$STATE_DIR/etc
readonly PID_DIR=$STATE_DIR/pids
readonly LOG_DIR=$STATE_DIR/log
readonly NODE=waldur-agent-test@localhost
readonly EPMD_PORT=4369
readonly MANAGEMENT_PORT=15672
readonly WEB_STOMP_PORT=15674
readonly AMQP_PORT=5672
readonly DIST_PORT=25672

# Start order; down.sh walks it backwards. Each daemon's process name, for the
# pid-reuse check. The broker's recorded process is Debian's rabbitmq-server
# script, which stays as the parent of the Erlang VM and turns SIGTERM into a
# clean broker shutdown.
readonly DAEMONS=(epmd rabbitmq)
declare -A COMM=([epmd]=epmd [rabbitmq]=rabbitmq-server)

# The broker and its command-line tools find node, files and ports through
# these; rabbitmqctl must see the same cookie (HOME) and epmd as the node.
export HOME=$STATE_DIR/home
export RABBITMQ_NODENAME=$NODE
export RABBITMQ_CONFIG_FILE=$ETC_DIR/rabbitmq.conf
export RABBITMQ_ENABLED_PLUGINS_FILE=$ETC_DIR/enabled_plugins
export RABBITMQ_MNESIA_BASE=$STATE_DIR/mnesia
export RABBITMQ_LOG_BASE=$LOG_DIR
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$AMQP_PORT
export RABBITMQ_DIST_PORT=$DIST_PORT
export ERL_EPMD_ADDRESS=127.0.0.1
export ERL_EPMD_PORT=$EPMD_PORT
# Inter-node distribution (used by rabbitmqctl) listens on loopback only.
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
readonly RABBITMQ_BIN=/usr/lib/rabbitmq/bin

# shellcheck source-path=SCRIPTDIR source=../daemons.sh
source "$RABBITMQ_TEST_INFRA_DIR/../daemons.sh"

require_root() {
  [[ $EUID -eq 0 ]] || die "must run as root (the broker runs as root, like the test SLURM cluster)"
}

# Runs rabbitmqctl against the test node with stdin closed and a time limit.
ctl() {
  timeout 60 "$RABBITMQ_BIN/rabbitmqctl" -n "$NODE" "$@" </dev/null
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
