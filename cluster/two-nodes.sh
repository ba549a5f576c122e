#!/usr/bin/env bash
# Two Civic Backbone nodes on one PostgreSQL database behind HAProxy, on this machine and on loopback only: the
# set-up docs/scaling.md describes, used by ClusterIT and benchmarks/cluster.sh.
#
#   cluster/two-nodes.sh start ARCHIVE WORKDIR DATABASE   unpack the distribution twice into WORKDIR/a and WORKDIR/b,
#                                                          point both at DATABASE on 127.0.0.1:5432 (user postgres, or
#                                                          $PGUSER; it must exist), start both at once and HAProxy,
#                                                          and wait until the load balancer serves; every file of
#                                                          the folder $CLUSTER_ETC, if set, is copied into both
#                                                          nodes' etc/ first (settings of a test, say)
#   cluster/two-nodes.sh stop WORKDIR                      stop HAProxy and both nodes (by their pid files)
#   cluster/two-nodes.sh start-node WORKDIR a|b            start one node again and wait until its health is 200
#                                                          and the load balancer sends it requests
#   cluster/two-nodes.sh kill-node WORKDIR a|b             kill -9 one node
#
# Ports: load balancer 127.0.0.1:8180; node a HTTP 8181, SSH 8101, JMX 1099/44444; node b 8182, 8102, 1098/44445.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../benchmarks/lib/karaf.sh"

lb=127.0.0.1:8180
declare -A http=([a]=8181 [b]=8182) ssh=([a]=8101 [b]=8102) registry=([a]=1099 [b]=1098) rmi=([a]=44444 [b]=44445)

home_of() { ls -d "$1/$2"/*/; }

# configure HOME NODE DATABASE: the node's own ports, the shared database
configure() {
  local home=$1 node=$2 database=$3
  sed -i "s|^org.osgi.service.http.port = .*|org.osgi.service.http.port = ${http[$node]}|" "$home/etc/org.ops4j.pax.web.cfg"
  sed -i "s|^sshPort = .*|sshPort = ${ssh[$node]}|" "$home/etc/org.apache.karaf.shell.cfg"
  sed -i -e "s|^rmiRegistryPort = .*|rmiRegistryPort = ${registry[$node]}|" \
         -e "s|^rmiServerPort = .*|rmiServerPort = ${rmi[$node]}|" "$home/etc/org.apache.karaf.management.cfg"
  sed -e "s|^url = .*|url = jdbc:postgresql://127.0.0.1:5432/$database?reWriteBatchedInserts=true|" -e "s|^user = .*|user = ${PGUSER:-postgres}|" \
      -e "s|^password = .*|password = ${PGPASSWORD:-}|" "$home/etc/org.ops4j.datasource-backbone.cfg.postgresql" \
      > "$home/etc/org.ops4j.datasource-backbone.cfg"
}

start_node() {
  local home
  home=$(home_of "$1" "$2")
  "$home/bin/start"
}

await_node() {
  wait_for "http://127.0.0.1:${http[$2]}/api/v1/health" 200
}

# await_balanced NODE: until the load balancer sends requests to the node again (its health checks rise)
await_balanced() {
  for _ in $(seq 1 600); do
    curl -s -m 2 -o /dev/null -D - "http://$lb/api/v1/health" | grep -qi "^x-backbone-node: $1" && return 0
    sleep 0.1
  done
  echo "the load balancer did not take node $1 back" >&2; return 1
}

case "${1:-}" in
  start)
    archive=$2 work=$3 database=$4
    command -v haproxy >/dev/null || { echo "haproxy is not installed (apt-get install haproxy)" >&2; exit 1; }
    mkdir -p "$work"
    for node in a b; do
      home=$(unpack "$archive" "$work/$node")
      configure "$home" "$node" "$database"
      if [ -n "${CLUSTER_ETC:-}" ]; then cp "$CLUSTER_ETC"/* "$home/etc/"; fi
    done
    start_node "$work" a
    start_node "$work" b # at once: migrations, demo loading and seeding take their locks (ADR 0019)
    await_node "$work" a
    await_node "$work" b
    sed -e "s|@BIND@|$lb|" -e "s|@NODE_A@|127.0.0.1:${http[a]}|" -e "s|@NODE_B@|127.0.0.1:${http[b]}|" \
        "$here/haproxy.cfg" > "$work/haproxy.cfg"
    haproxy -f "$work/haproxy.cfg" -D -p "$work/haproxy.pid"
    wait_for "http://$lb/api/v1/health" 200
    await_balanced a
    await_balanced b
    echo "load balancer: http://$lb  node a: http://127.0.0.1:${http[a]}  node b: http://127.0.0.1:${http[b]}"
    ;;
  stop)
    work=$2
    if [ -f "$work/haproxy.pid" ]; then
      kill "$(cat "$work/haproxy.pid")" 2>/dev/null || true
      rm -f "$work/haproxy.pid"
    fi
    for node in a b; do
      if [ -d "$work/$node" ]; then stop_karaf "$(home_of "$work" "$node")"; fi
    done
    ;;
  start-node)
    start_node "$2" "$3"
    await_node "$2" "$3"
    await_balanced "$3"
    ;;
  kill-node)
    home=$(home_of "$2" "$3")
    kill -9 "$(cat "$home/karaf.pid")"
    ;;
  *)
    sed -n '2,14p' "$0" >&2
    exit 2
    ;;
esac
