#!/usr/bin/env bash
# Memory under an SQS burst at a rate-limited sink (docs/flow-control.md): loads MESSAGES S3
# notifications into ElasticMQ, lets the gateway drain them to a sink limited to RATE deliveries/s,
# samples the gateway's RSS and heap every SAMPLE seconds, and checks that nothing was lost (the
# sink counted every message, the queue is empty). Not part of `bench/run.sh` or of the build.
#
#   bench/flow-memory.sh                      100,000 messages at 50/s: about 35 minutes
#   MESSAGES=3000 bench/flow-memory.sh        about a minute
#
# Environment: MESSAGES (100000), RATE (50), SAMPLE seconds (5), GATEWAY_JAVA_OPTS (those of
# gateway/jvm.options), BENCH_JAR and GATEWAY_JAR (bench/target/bench.jar, gateway/target/tributary.jar:
# build them with mvn -DskipTests package). Writes bench/target/flow-memory-<time>/samples.csv and summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
MESSAGES=${MESSAGES:-100000}
RATE=${RATE:-50}
SAMPLE=${SAMPLE:-5}
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS-$(grep -v '^#' gateway/jvm.options | xargs)}"
bench_jar=${BENCH_JAR:-bench/target/bench.jar}
gateway_jar=${GATEWAY_JAR:-gateway/target/tributary.jar}
for jar in "$bench_jar" "$gateway_jar"; do
  [ -f "$jar" ] || { echo "missing $jar: run mvn -DskipTests package" >&2; exit 1; }
done
work=bench/target/flow-memory-$(date +%Y%m%d-%H%M%S)
mkdir -p "$work"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
await_line() { # FILE TEXT
  for _ in $(seq 600); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "timed out waiting for '$2' in $1" >&2
  exit 1
}
bench() { # in the background as `bench ... &`, exec makes $! the java process itself
  exec java -Xmx256m -Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider -cp "$bench_jar" dev.tributary.bench.Main "$@"
}

sqs_port=$(free_port)
sink_port=$(free_port)
gateway_port=$(free_port)
bench elasticmq --port "$sqs_port" > "$work/elasticmq.log" 2>&1 &
pids+=($!)
bench sink --port "$sink_port" > "$work/sink.log" 2>&1 &
pids+=($!)
await_line "$work/elasticmq.log" bench-server-ready
await_line "$work/sink.log" bench-server-ready
endpoint=http://127.0.0.1:$sqs_port
(bench sqs-load --endpoint "$endpoint" --queue burst --count "$MESSAGES") | tee "$work/load.log"
queue_url=$(sed -n 's/^loaded .* into \(.*\) in .*/\1/p' "$work/load.log")

cat > "$work/mappings.yaml" <<YAML
apiVersion: tributary.dev/v1
sources:
  burst: { type: aws-sqs, queueUrl: '$queue_url', endpoint: '$endpoint', region: us-east-1, waitTimeSeconds: 1 }
sinks:
  limited: { type: http, url: 'http://127.0.0.1:$sink_port/', rateLimit: $RATE }
routes:
  - name: burst
    from: [burst]
    to: [limited]
YAML
start=$(date +%s)
# shellcheck disable=SC2086 # GATEWAY_JAVA_OPTS is a list of options
TRIBUTARY_MAPPINGS=$work/mappings.yaml MICRONAUT_SERVER_PORT=$gateway_port AWS_ACCESS_KEY_ID=test \
  AWS_SECRET_ACCESS_KEY=test java $GATEWAY_JAVA_OPTS -jar "$gateway_jar" > "$work/gateway.log" 2>&1 &
gateway=$!
pids+=($gateway)

echo "seconds,delivered,rss_mb,heap_used_mb,waiting_in_gateway" > "$work/samples.csv"
delivered=0
while [ "$delivered" -lt "$MESSAGES" ]; do
  sleep "$SAMPLE"
  kill -0 "$gateway" 2>/dev/null || { echo "the gateway stopped; see $work/gateway.log" >&2; exit 1; }
  delivered=$(curl -s "http://127.0.0.1:$sink_port/count" || echo 0)
  rss=$(awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$gateway/status")
  heap=$(jstat -gc "$gateway" | awk 'NR == 2 { printf "%.1f", ($3 + $4 + $6 + $8) / 1024 }')
  waiting=$(curl -s "http://127.0.0.1:$gateway_port/prometheus" \
    | awk '/^tributary_sink_waiting\{/ { w += $2 } /^tributary_sink_inflight\{/ { w += $2 } END { print w + 0 }')
  echo "$(( $(date +%s) - start )),$delivered,$rss,$heap,$waiting" | tee -a "$work/samples.csv"
done
queue_counts() { # "visible in-flight" messages, from the query API
  curl -s "$queue_url?Action=GetQueueAttributes&AttributeName.1=All" | tr -d ' \n' \
    | grep -oE '<Name>ApproximateNumberOfMessages(NotVisible)?</Name><Value>[0-9]+' | sed 's/.*<Value>//' | xargs || true
}
left=$(queue_counts)
for _ in $(seq 30); do
  [ "$left" = "0 0" ] && break
  sleep 1
  left=$(queue_counts)
done
elapsed=$(( $(date +%s) - start ))
{
  echo "messages: $MESSAGES, sink rateLimit: $RATE/s, elapsed: ${elapsed} s, mean rate: $(( delivered / (elapsed > 0 ? elapsed : 1) ))/s"
  echo "delivered (counted at the sink): $delivered"
  echo "queue afterwards (visible, in flight): $left"
  echo "max RSS MB: $(cut -d, -f3 "$work/samples.csv" | tail -n +2 | sort -n | tail -1)"
  echo "max heap used MB: $(cut -d, -f4 "$work/samples.csv" | tail -n +2 | sort -n | tail -1)"
  echo "max deliveries held in the gateway: $(cut -d, -f5 "$work/samples.csv" | tail -n +2 | sort -n | tail -1)"
} | tee "$work/summary.txt"
[ "$delivered" -ge "$MESSAGES" ] && [ "$left" = "0 0" ] || { echo "LOST or left behind" >&2; exit 1; }
