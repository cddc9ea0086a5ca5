#!/usr/bin/env bash
# Two Groundwork instances on one PostgreSQL behind HAProxy, all on 127.0.0.1: proves the app
# keeps no per-instance state (see README, "Several instances"). Called by .ci/run after the
# Maven tests (which leave zonky's PostgreSQL binaries unpacked under /tmp/embedded-pg).
# Needs: a JDK, python3, haproxy. Exits non-zero on any failed check; stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
T0=$(date +%s)

WORK=$(mktemp -d /tmp/groundwork-two.XXXXXX)
chmod 755 "$WORK"
PIDS=()
AS=()
PGBIN=""
PG_STARTED=""
cleanup() {
  local rc=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 50); do
    alive=0
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  if [ -n "$PG_STARTED" ]; then
    "${AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" stop -m fast -t 20 > /dev/null 2>&1 \
      || "${AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" stop -m immediate > /dev/null 2>&1 || true
  fi
  if [ "$rc" != 0 ]; then
    echo "--- two-instances failed (exit $rc); last lines of each log:"
    for f in "$WORK"/*.log "$WORK"/sock/*.log; do [ -f "$f" ] && { echo "== $f"; tail -n 30 "$f"; }; done
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# waits (bounded) until a URL answers 200
wait_ok() {
  local url=$1 seconds=$2 pid=$3
  for _ in $(seq 1 $((seconds * 5))); do
    if ! kill -0 "$pid" 2>/dev/null; then echo "process $pid died while waiting for $url"; return 1; fi
    if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "no 200 from $url within ${seconds}s"; return 1
}

# --- the app, packaged once (reused when target/quarkus-app is newer than the sources)
JAR=target/quarkus-app/quarkus-run.jar
if [ ! -f "$JAR" ] || [ -n "$(find src/main pom.xml -newer "$JAR" -print -quit)" ]; then
  echo "packaging the app"
  ./mvnw -B -q -DskipTests package
fi
# the PostgreSQL driver the app ships, inside its one jar (an uber-jar: application.properties)
PGJAR=$JAR

# --- one PostgreSQL, a separate server from zonky's binaries, as a non-root user
PGBIN=$(ls -d /tmp/embedded-pg/PG-*/bin 2>/dev/null | head -n 1 || true)
if [ -z "$PGBIN" ]; then echo "no PostgreSQL binaries under /tmp/embedded-pg (run the Maven tests first)"; exit 1; fi
if [ "$(id -u)" = 0 ]; then AS=(runuser -u nobody --); fi
PGPORT=$(free_port)
PGPASS="two-$RANDOM$RANDOM$RANDOM"
mkdir -p "$WORK/pg" "$WORK/sock"
echo "$PGPASS" > "$WORK/pgpass"
if [ "$(id -u)" = 0 ]; then chown nobody "$WORK/pg" "$WORK/sock" "$WORK/pgpass"; fi
"${AS[@]}" "$PGBIN/initdb" -D "$WORK/pg" -U groundwork --pwfile="$WORK/pgpass" --auth=scram-sha-256 -E UTF8 \
  --locale=C > "$WORK/initdb.log" 2>&1
PG_STARTED=1
"${AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/sock/postgres.log" -w -t 60 \
  -o "-p $PGPORT -k $WORK/sock -c listen_addresses=127.0.0.1 -c max_connections=100" start > /dev/null
JDBC="jdbc:postgresql://127.0.0.1:$PGPORT/postgres"
for i in $(seq 1 100); do
  if java -cp "$PGJAR" .ci/Sql.java "$JDBC" groundwork "$PGPASS" "select 1" > /dev/null 2>&1; then break; fi
  [ "$i" = 100 ] && { echo "PostgreSQL did not start"; exit 1; }
  sleep 0.3
done
echo "PostgreSQL on 127.0.0.1:$PGPORT ($PGBIN)"
# initdb's user is the server's superuser, which row-level security does not apply to: the apps
# connect as their own role (not superuser, no BYPASSRLS), prepared by the statement the embedded
# database and the benchmark run too (src/main/resources/db/app-role.sql: the role, the ownership
# of the schema's objects, LIKE/ILIKE LEAKPROOF for the contact search's trigram indexes), and
# owner of the database, as in production
java -cp "$PGJAR" .ci/Sql.java "$JDBC" groundwork "$PGPASS" \
  "$(sed -e 's/${role}/groundwork_app/g' -e "s/\${password}/$PGPASS/g" src/main/resources/db/app-role.sql)"
java -cp "$PGJAR" .ci/Sql.java "$JDBC" groundwork "$PGPASS" "alter database postgres owner to groundwork_app"

# --- two app processes started together on it: the same session key; forwarding trusted from
# HAProxy's source address only (127.0.0.2), so a client on 127.0.0.1 cannot forge X-Forwarded-*
KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
P1=$(free_port); M1=$(free_port); P2=$(free_port); M2=$(free_port); PROXY=$(free_port)
start_app() {
  local name=$1 port=$2 mgmt=$3
  mkdir -p "$WORK/$name"
  # java with the README's run command's options (docs/performance.md, "Startup" and "Memory")
  env QUARKUS_DATASOURCE_JDBC_URL="$JDBC" QUARKUS_DATASOURCE_USERNAME=groundwork_app QUARKUS_DATASOURCE_PASSWORD="$PGPASS" \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
    QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT="$mgmt" \
    QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY="$KEY" \
    QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true \
    QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.2 \
    QUARKUS_HTTP_ACCESS_LOG_ENABLED=true QUARKUS_HTTP_ACCESS_LOG_PATTERN='%h "%r" %s' \
    GROUNDWORK_DATA_DIR="$WORK/$name" \
    GROUNDWORK_IMPORT_HEARTBEAT=PT1S GROUNDWORK_IMPORT_STALE_AFTER=PT10S \
    java -XX:SharedArchiveFile=target/quarkus-app/app-cds.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
      -XX:+UseTransparentHugePages -Xmx256m -XX:TrimNativeHeapInterval=5000 -jar "$JAR" > "$WORK/$name.log" 2>&1 &
  echo $!
}
A1=$(start_app app1 "$P1" "$M1"); PIDS+=("$A1")
A2=$(start_app app2 "$P2" "$M2"); PIDS+=("$A2")
wait_ok "http://127.0.0.1:$M1/q/health/ready" 120 "$A1"
wait_ok "http://127.0.0.1:$M2/q/health/ready" 120 "$A2"
echo "app1 on :$P1 (management :$M1), app2 on :$P2 (management :$M2), started together in $(( $(date +%s) - T0 )) s"

# --- HAProxy, round robin, health checks on each management port's readiness
cat > "$WORK/haproxy.cfg" <<CFG
global
    maxconn 1000
    stats socket $WORK/haproxy.sock mode 600 level admin
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 120s
    # a busy instance on a small machine may take a while to answer its readiness check
    timeout check 3s
    retries 3
    option redispatch 1
    # a request whose server died before answering goes to the other one
    retry-on conn-failure empty-response response-timeout
frontend web
    bind 127.0.0.1:$PROXY
    # the client's address, replacing whatever the client sent (the app reads the first value)
    http-request set-header X-Forwarded-For %[src]
    # stands for the TLS this proxy terminates in production
    http-request set-header X-Forwarded-Proto https
    # each request's reference, replacing whatever the client sent; the instance answers it back and
    # writes it on the request's log lines (platform/RequestIds)
    unique-id-format %{+X}o%ci%cp%Ts%rt%pid
    http-request set-header X-Request-Id %[unique-id]
    default_backend apps
backend apps
    balance roundrobin
    source 127.0.0.2
    option httpchk GET /q/health/ready
    http-check expect status 200
    default-server inter 1s fastinter 500ms downinter 1s fall 3 rise 2
    # the test names an instance with X-Pin when it must reach a given one
    use-server app1 if { req.hdr(X-Pin) -m str app1 }
    use-server app2 if { req.hdr(X-Pin) -m str app2 }
    http-response set-header X-Served-By %s
    server app1 127.0.0.1:$P1 check port $M1
    server app2 127.0.0.1:$P2 check port $M2
CFG
haproxy -c -q -f "$WORK/haproxy.cfg"
haproxy -db -f "$WORK/haproxy.cfg" > "$WORK/haproxy.log" 2>&1 &
PIDS+=("$!")
for i in $(seq 1 50); do
  n=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PROXY/login" || true)
  [ "$n" = 200 ] && break
  [ "$i" = 50 ] && { echo "HAProxy does not answer on :$PROXY"; exit 1; }
  sleep 0.2
done
echo "HAProxy on :$PROXY"

# --- forwarding is honoured from the proxy only: the same forged headers straight to an
# instance (from 127.0.0.1, not a trusted proxy) change nothing
hsts=$(curl -s -D - -o /dev/null -H 'X-Forwarded-Proto: https' -H 'X-Forwarded-For: 203.0.113.9' \
  "http://127.0.0.1:$P1/login?probe=direct" | grep -ci '^strict-transport-security' || true)
[ "$hsts" = 0 ] || { echo "FAILED: a direct request's X-Forwarded-Proto was trusted"; exit 1; }
curl -s -o /dev/null -H 'X-Forwarded-For: 203.0.113.9' -H 'X-Pin: app1' "http://127.0.0.1:$PROXY/login?probe=proxied"
sleep 0.5
direct=$(grep -a 'probe=direct' "$WORK/app1.log" | head -n 1 || true)
proxied=$(grep -a 'probe=proxied' "$WORK/app1.log" | head -n 1 || true)
echo "access log: direct with forged X-Forwarded-For -> '$(grep -a 'probe=direct' "$WORK/app1.log" | head -n 1 | sed 's/.*INFO *\[[^]]*\] *([^)]*) *//')'"
echo "access log: through HAProxy (forged header replaced) -> '$(echo "$proxied" | sed 's/.*INFO *\[[^]]*\] *([^)]*) *//')'"
case "$direct$proxied" in *203.0.113.9*) echo "FAILED: a forged X-Forwarded-For reached the access log"; exit 1;; esac
echo "$proxied" | grep -q '127.0.0.1 ' || { echo "FAILED: the proxied request's client address is not the real client"; exit 1; }

# --- the checks through the proxy
TWO_PROXY_PORT=$PROXY TWO_APP1_PORT=$P1 TWO_APP1_PID=$A1 TWO_HAPROXY_SOCKET="$WORK/haproxy.sock" \
  TWO_SQL="$(printf '%s\x1f' java -cp "$PGJAR" .ci/Sql.java "$JDBC" groundwork)$PGPASS" \
  python3 .ci/two_instances_client.py
echo "two-instances: done in $(( $(date +%s) - T0 )) s"
