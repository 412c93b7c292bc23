#!/usr/bin/env bash
# The benchmark suite of issue 9: builds what it needs, runs on this machine (loopback only) and
# writes bench/results/<date>-<scenario>.md. See bench/README.md.
#
#   bench/run.sh [all|push|eventgrid|sqs|jmh|startup|1..5]   default: all (about 15 minutes)
#
# Environment:
#   QUICK=1                  smoke run: windows of seconds, figures NOT meaningful (file gets -quick)
#   SKIP_BUILD=1             reuse bench/target/bench.jar and gateway/target/tributary.jar as they are
#   GATEWAY_JAVA_OPTS="..."  JVM options of the gateway and of the plain Camel baseline (default: those of
#                            gateway/jvm.options, which ./tributary uses; set it empty for JVM defaults)
#   CLASS_ARCHIVE=0          start the gateway without its AppCDS archive (gateway/target/tributary.jsa)
#   SQS_MESSAGES=N           notifications per SQS drain (default 100000; 2000 with QUICK=1)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scenario=${1:-all}

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (Debian package)..." >&2
  apt-get update -qq >&2 && apt-get install -y -qq wrk >&2
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  if grep -q '<module>bench</module>' pom.xml; then
    echo "building: mvn -DskipTests package (root)..." >&2
    mvn -B -q -ntp -DskipTests package >&2
  else
    # bench is not yet a module of the root build: build the gateway when missing, then bench alone
    # (its tributary-core dependency then comes from ~/.m2)
    if [ ! -f gateway/target/tributary.jar ]; then
      echo "building: mvn -DskipTests package (root)..." >&2
      mvn -B -q -ntp -DskipTests package >&2
    fi
    echo "building: mvn -DskipTests -f bench/pom.xml package..." >&2
    mvn -B -q -ntp -DskipTests -f bench/pom.xml package >&2
  fi
fi
bench_jar=$root/bench/target/bench.jar
gateway_jar=$root/gateway/target/tributary.jar
for jar in "$bench_jar" "$gateway_jar"; do
  [ -f "$jar" ] || { echo "missing $jar (did the build fail?)" >&2; exit 1; }
done

work=$root/bench/target/run-$(date +%Y%m%d-%H%M%S)
mkdir -p "$work/logs"
pids=$work/logs/pids
runner=

cleanup() {
  # The runner stops every process it started; this only catches what a killed runner left behind:
  # the pids it recorded, and only while they are still ours (wrk or one of the two jars).
  if [ -n "$runner" ] && kill -0 "$runner" 2>/dev/null; then
    kill "$runner" 2>/dev/null || true
    wait "$runner" 2>/dev/null || true
  fi
  if [ -f "$pids" ]; then
    while read -r pid; do
      if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qE "bench\.jar|tributary\.jar|wrk"; then
        kill "$pid" 2>/dev/null || true
      fi
    done < "$pids"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

quick=false
[ "${QUICK:-0}" = 1 ] && quick=true
export GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS-$(grep -v '^#' gateway/jvm.options | xargs)}"
archive=$root/gateway/target/tributary.jsa
if [ "${CLASS_ARCHIVE:-1}" = 0 ] || [ ! -f "$archive" ] || [ "$archive" -ot "$gateway_jar" ]; then
  archive=
fi
# The gateway jar is on the class path so that the JMH decoders and the scenario checks see the
# adapters the gateway ships; bench.jar comes first, and its SLF4J binding is the one used.
java -Xmx512m -Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider -cp "$bench_jar:$gateway_jar" \
  dev.tributary.bench.Main run "$scenario" \
  --bench-jar "$bench_jar" --gateway-jar "$gateway_jar" --results "$root/bench/results" \
  --work "$work" --readme "$root/bench/README.md" --quick "$quick" --class-archive "$archive" &
runner=$!
wait "$runner"
