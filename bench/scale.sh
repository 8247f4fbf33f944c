#!/usr/bin/env bash
# Planning a fleet of N KubeVirt VMs with 4 NICs each, against the raw cost of reading the same inputs, each
# figure next to its baseline from the same run:
#   full plan        a PlanSession's first plan: Git read, YAML parse, validation, observe (one LIST + WATCH of
#                    VMs, VMIs and launcher pods), diff, plan;    baseline (raw): reading the same files from Git
#                    plus one LIST of VMs and one of VMIs, nothing parsed or diffed
#   no-change        the same session planning again with nothing changed
#   1% changed       the same session after a commit changing 1% of the files and live changes to another 1% of
#                    the VMs
#   peak RSS         of the measured process (VmHWM), plan against raw
# Each measured process is a fresh JVM; the live side is the simulated KubeVirt cluster (fabric8's mock API
# server in CRUD mode and the simulator) in a process of its own, seeded with N running VMs (VM, VMI and
# launcher pod each) and the matching desired-state repository. Seeding is slow at 10,000 (the mock server
# scans every object on each request): 20 minutes on two busy cores.
#   bench/scale.sh [N...]          default: 1000 10000 (the second shows how the cost grows with N)
#   BENCH_RUNS (default 3) measured runs of each process per N; the medians are printed.
# Last three lines, for the largest N: "plan/raw ratio: R", "peak RSS MiB: M", "no-change/full ratio: X".
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source scripts/lib/jdk.sh
source bench/lib.sh
SIZES=("${@:-1000}")
[ $# -gt 0 ] || SIZES=(1000 10000)
RUNS=${BENCH_RUNS:-3}

WORK=$(mktemp -d)
CLUSTER_PID=
stop_cluster() {
  exec 3>&- 2>/dev/null || true
  [ -z "$CLUSTER_PID" ] || wait "$CLUSTER_PID" 2>/dev/null || true
  CLUSTER_PID=
}
trap 'stop_cluster; [ -n "$CLUSTER_PID" ] && kill "$CLUSTER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

echo "building ..." >&2
bench_build

# value KEY FILE...: every KEY=value of the files, one a line
value() { local key=$1; shift; grep -oh "\b$key=[0-9]*" "$@" | cut -d= -f2; }

declare -A FULL_MS
for n in "${SIZES[@]}"; do
  dir="$WORK/n$n"
  mkdir -p "$dir"
  mkfifo "$dir/cluster.in"
  echo "seeding the simulated cluster with $n running VMs ..." >&2
  java -cp "$BENCH_CP" io.nicsync.bench.ScaleCluster "$n" "$dir" <"$dir/cluster.in" >"$dir/cluster.log" 2>&1 &
  CLUSTER_PID=$!
  exec 3>"$dir/cluster.in" # the cluster runs until this closes
  until grep -q '^ready' "$dir/cluster.log"; do
    kill -0 "$CLUSTER_PID" 2>/dev/null || { cat "$dir/cluster.log" >&2; exit 1; }
    sleep 2
  done
  grep '^seeded' "$dir/cluster.log" >&2

  for r in $(seq 1 "$RUNS"); do
    # alternating which goes first keeps whatever one leaves behind (page cache, the server's garbage) even
    for mode in $( ((r % 2)) && echo raw plan || echo plan raw); do
      java -cp "$BENCH_CP" io.nicsync.bench.ScaleRun "$mode" "$dir" "$n" >"$dir/$mode-$r.out" 2>"$dir/$mode-$r.err" \
        || { cat "$dir/$mode-$r.err" >&2; exit 1; }
    done
    grep -h 'full_steps\|nochange_steps\|changed_files' "$dir/plan-$r.out" | tr '\n' ' ' >&2; echo >&2
  done
  stop_cluster

  raw_ms=$(value raw_ms "$dir"/raw-*.out | median)
  full_ms=$(value full_ms "$dir"/plan-*.out | median)
  nochange_ms=$(value nochange_ms "$dir"/plan-*.out | median)
  changed_ms=$(value changed_ms "$dir"/plan-*.out | median)
  validate_ms=$(value full_read_and_validate_ms "$dir"/plan-*.out | median)
  raw_rss=$(value peak_rss_kib "$dir"/raw-*.out | median)
  plan_rss=$(value peak_rss_kib "$dir"/plan-*.out | median)
  FULL_MS[$n]=$full_ms
  echo "== $n VMs with 4 NICs each (median of $RUNS fresh JVMs each)"
  printf '  full plan:          %6d ms   raw (Git read + LIST VMs + LIST VMIs): %6d ms   ratio %.2f\n' \
    "$full_ms" "$raw_ms" "$(echo "$full_ms / $raw_ms" | bc -l)"
  printf '    of which Git read + validation: %6d ms; observe, diff and plan: %6d ms\n' "$validate_ms" \
    $((full_ms - validate_ms))
  printf '  peak RSS:           %6d MiB  raw: %6d MiB\n' $((plan_rss / 1024)) $((raw_rss / 1024))
  printf '  no change:          %6d ms   full plan: %6d ms   ratio %.3f\n' \
    "$nochange_ms" "$full_ms" "$(echo "$nochange_ms / $full_ms" | bc -l)"
  printf '  1%% files + 1%% live changed: %6d ms   full plan: %6d ms   ratio %.3f\n' \
    "$changed_ms" "$full_ms" "$(echo "$changed_ms / $full_ms" | bc -l)"
done

if [ ${#SIZES[@]} -gt 1 ]; then
  small=${SIZES[0]}; large=${SIZES[-1]}
  printf 'linearity: full plan per VM %.2f ms at %d, %.2f ms at %d (x%.2f for x%.0f VMs)\n' \
    "$(echo "${FULL_MS[$small]} / $small" | bc -l)" "$small" "$(echo "${FULL_MS[$large]} / $large" | bc -l)" "$large" \
    "$(echo "${FULL_MS[$large]} / ${FULL_MS[$small]}" | bc -l)" "$(echo "$large / $small" | bc -l)"
fi
printf 'plan/raw ratio: %.2f\n' "$(echo "$full_ms / $raw_ms" | bc -l)"
echo "peak RSS MiB: $((plan_rss / 1024))"
printf 'no-change/full ratio: %.3f\n' "$(echo "$nochange_ms / $full_ms" | bc -l)"
