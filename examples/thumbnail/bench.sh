#!/usr/bin/env bash
# Benchmark (not a test): thumbnails per second of the image work alone, on generated images.
# Usage: examples/thumbnail/bench.sh [iterations, default 100] [warm-up iterations, default 30]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

mvn -B -q -f "$here/pom.xml" test-compile dependency:build-classpath \
  -Dmdep.outputFile="$here/target/bench.classpath" -Dmdep.includeScope=test

echo "nproc: $(nproc)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
java -version 2>&1 | head -3
echo "load average before the run (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
echo
java -cp "$here/target/classes:$here/target/test-classes:$(cat "$here/target/bench.classpath")" \
  dev.tributary.examples.thumbnail.bench.ThumbnailsBench "$@"
