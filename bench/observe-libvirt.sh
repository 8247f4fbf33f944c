#!/usr/bin/env bash
# Observe of many stopped domains through the libvirt plugin against a raw libvirt-java loop
# (listAllDomains + getXMLDesc each), in the same JVM run. Needs the lab: scripts/lab.sh up (as root).
#   bench/observe-libvirt.sh [COUNT]     default 200 domains with 2 NICs each; all removed afterwards
# Both loops get warm-up passes first; each figure is the median of the measured passes, taken alternately.
#   BENCH_RUNS (default 31, at least 5), BENCH_WARMUP (default 50); JAVA_OPTS is passed on (e.g. a JFR recording).
# Last line: "observe/raw ratio: R".
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source scripts/lib/jdk.sh
COUNT=${1:-200}

[[ "$("$ROOT/scripts/lab.sh" status)" == *"libvirtd running"* ]] || {
  echo "observe-libvirt: the lab is not up; run scripts/lab.sh up first" >&2; exit 1; }

CP_FILE=$(mktemp)
BUILD_LOG=$(mktemp)
trap 'rm -f "$CP_FILE" "$BUILD_LOG"' EXIT
# Compiles the plugin and its tests in the reactor (nothing is installed) and writes the test class path.
mvn -q -B -pl plugins/libvirt -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >"$BUILD_LOG" 2>&1 || { cat "$BUILD_LOG" >&2; exit 1; }
CP="plugins/libvirt/target/test-classes:plugins/libvirt/target/classes:plugins/spi/target/classes:$(cat "$CP_FILE")"
RUNS=${BENCH_RUNS:-31}
(( RUNS >= 5 )) || { echo "observe-libvirt: BENCH_RUNS must be at least 5" >&2; exit 2; }
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
java --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} -Dbench.runs="$RUNS" -Dbench.warmup="${BENCH_WARMUP:-50}" \
  -cp "$CP" io.nicsync.plugin.libvirt.ObserveBench "$COUNT"
