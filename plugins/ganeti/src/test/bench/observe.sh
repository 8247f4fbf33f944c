#!/usr/bin/env bash
# Observe of COUNT instances through the Ganeti plugin against a raw RAPI bulk read (GET /2/instances?bulk=1),
# in the same JVM run. Needs the lab: plugins/ganeti/lab/ganeti.sh up (as root).
#   plugins/ganeti/src/test/bench/observe.sh [COUNT]     default 50 stopped instances with 2 NICs each, removed after
#   BENCH_RUNS (default 21), BENCH_WARMUP (default 30). Last line: "observe/raw ratio: R".
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../../../.." && pwd)
cd "$ROOT"
source scripts/lib/jdk.sh
CP_FILE=$(mktemp)
BUILD_LOG=$(mktemp)
trap 'rm -f "$CP_FILE" "$BUILD_LOG"' EXIT
mvn -q -B -pl plugins/ganeti -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >"$BUILD_LOG" 2>&1 || { cat "$BUILD_LOG" >&2; exit 1; }
CP="plugins/ganeti/target/test-classes:plugins/ganeti/target/classes:plugins/spi/target/classes:$(cat "$CP_FILE")"
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
java ${JAVA_OPTS:-} -Dbench.runs="${BENCH_RUNS:-21}" -Dbench.warmup="${BENCH_WARMUP:-30}" \
  -cp "$CP" io.nicsync.plugin.ganeti.ObserveBench "${1:-50}"
