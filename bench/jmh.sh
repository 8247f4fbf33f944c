#!/usr/bin/env bash
# JMH benchmarks of nicsync's in-memory work (bench/src/main/java, *Bench classes with @Benchmark): diff and
# plan of 10,000 VMs, converged and with 1% of them drifted. Not part of the build or the test run.
#   bench/jmh.sh [JMH OPTIONS]      e.g. bench/jmh.sh PlanBench -p vms=1000,10000 -f 2
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source scripts/lib/jdk.sh
source bench/lib.sh
bench_build
exec java -cp "$BENCH_CP" org.openjdk.jmh.Main "${@:-PlanBench}"
