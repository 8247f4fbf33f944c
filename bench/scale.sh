#!/usr/bin/env bash
# Planning a fleet of N KubeVirt VMs with 4 NICs each, against the raw cost of reading the same inputs, each
# figure next to its baseline from the same run:
#   full plan      bin/nicsync plan as a whole process, as a user runs it (the launcher's AOT archive trained
#                  first): Git read, YAML parse, validation, observe (one paged LIST each of VMIs, launcher pods
#                  and VMs, while the files validate), diff, plan;    baseline (raw): a whole process reading the
#                  same files from Git plus one LIST of VMs and one of VMIs, nothing parsed or diffed, run as
#                  bin/nicsync runs a plan (its JVM options and a class-data archive of its own); the same run
#                  with the JVM's defaults, which pays for compilation what the launcher saves nicsync, is
#                  printed for comparison
#   peak RSS       of each of those processes
#   a session      as nicsync serve plans, in one process: its first plan; the next, which waits for the watches
#                  the first started; one with nothing changed; one after a commit changing 1% of the files and
#                  live changes to another 1% of the VMs (with the session's own peak RSS)
# The live side is the simulated KubeVirt cluster (fabric8's mock API server in CRUD mode and the simulator) in a
# process of its own, seeded with N running VMs (VM, VMI and launcher pod each) and the matching desired-state
# repository: about 40 s at 10,000.
#   bench/scale.sh [N...]          default: 1000 10000 (the second shows how the cost grows with N)
#   BENCH_RUNS (default 3) measured runs of each process per N; the medians are printed.
# Last three lines, for the largest N: "plan/raw ratio: R", "peak RSS MiB: M" (of nicsync plan),
# "no-change/full ratio: X" (a session's no-change plan against nicsync plan).
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

[ -x /usr/bin/time ] || { echo "scale: installing time ..." >&2; apt-get install -y -q time >/dev/null; }
echo "building ..." >&2
bench_build
NICSYNC_NO_BUILD=0 bin/nicsync --version >/dev/null # builds bin/nicsync's jars when the sources changed

# value KEY FILE...: every KEY=value of the files, one a line
value() { local key=$1; shift; grep -oh "\b$key=[0-9]*" "$@" | cut -d= -f2; }
# seconds_ms KEY FILE...: every KEY=seconds (as /usr/bin/time writes them) in milliseconds
seconds_ms() { local key=$1; shift; grep -oh "\b$key=[0-9.]*" "$@" | cut -d= -f2 | awk '{ printf "%d\n", $1 * 1000 }'; }

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

  plan_cmd="NICSYNC_NO_BUILD=1 $ROOT/bin/nicsync plan --repo $dir/repo --allow-file $dir/kubeconfig"
  out=$(bench_train_launcher "$plan_cmd")
  echo "$out" | grep -q "No changes." || { echo "scale: the plan is not 'No changes.':" >&2; echo "$out" >&2; exit 1; }
  raw=(io.nicsync.bench.ScaleRun raw "$dir" "$n")
  bench_java_baseline "raw-$n" "${raw[@]}"
  for r in $(seq 1 "$RUNS"); do
    # alternating which goes first keeps whatever one leaves behind (page cache, the server's garbage) even
    for mode in $( ((r % 2)) && echo raw plan plain || echo plain plan raw); do
      if [ "$mode" = plan ]; then
        /usr/bin/time -f 'wall_s=%e peak_rss_kib=%M' -o "$dir/cli-$r.out" bash -c "$plan_cmd" >/dev/null
      elif [ "$mode" = plain ]; then
        /usr/bin/time -f 'wall_s=%e' -o "$dir/plain-$r.time" \
          java -cp "$BENCH_CP" "${raw[@]}" >/dev/null 2>"$dir/plain-$r.err" \
          || { cat "$dir/plain-$r.err" >&2; exit 1; }
      else
        /usr/bin/time -f 'wall_s=%e' -a -o "$dir/raw-$r.out" \
          "${bench_baseline[@]}" >"$dir/raw-$r.out" 2>"$dir/raw-$r.err" \
          || { cat "$dir/raw-$r.err" >&2; exit 1; }
      fi
    done
    java -cp "$BENCH_CP" io.nicsync.bench.ScaleRun session "$dir" "$n" >"$dir/session-$r.out" 2>"$dir/session-$r.err" \
      || { cat "$dir/session-$r.err" >&2; exit 1; }
    grep -h 'full_steps\|nochange_steps\|changed_files' "$dir/session-$r.out" | tr '\n' ' ' >&2; echo >&2
  done
  stop_cluster

  raw_ms=$(seconds_ms wall_s "$dir"/raw-*.out | median)
  plain_ms=$(seconds_ms wall_s "$dir"/plain-*.time | median)
  full_ms=$(seconds_ms wall_s "$dir"/cli-*.out | median)
  raw_rss=$(value peak_rss_kib "$dir"/raw-*.out | median)
  plan_rss=$(value peak_rss_kib "$dir"/cli-*.out | median)
  first_ms=$(value full_ms "$dir"/session-*.out | median)
  watches_ms=$(value watches_ms "$dir"/session-*.out | median)
  nochange_ms=$(value nochange_ms "$dir"/session-*.out | median)
  changed_ms=$(value changed_ms "$dir"/session-*.out | median)
  session_rss=$(value peak_rss_kib "$dir"/session-*.out | median)
  FULL_MS[$n]=$full_ms
  echo "== $n VMs with 4 NICs each (median of $RUNS runs; whole processes, JVM start included)"
  printf '  nicsync plan:       %6d ms   raw (Git read + LIST VMs + LIST VMIs): %6d ms   ratio %.2f\n' \
    "$full_ms" "$raw_ms" "$(echo "$full_ms / $raw_ms" | bc -l)"
  printf '                      raw with the JVM'"'"'s defaults:                  %6d ms   ratio %.2f\n' \
    "$plain_ms" "$(echo "$full_ms / $plain_ms" | bc -l)"
  printf '  peak RSS:           %6d MiB  raw: %6d MiB\n' $((plan_rss / 1024)) $((raw_rss / 1024))
  echo "  a session, as nicsync serve plans (peak RSS $((session_rss / 1024)) MiB):"
  printf '    first plan:       %6d ms\n' "$first_ms"
  printf '    next plan, waiting for the watches the first started: %6d ms\n' "$watches_ms"
  printf '    no change:        %6d ms   against nicsync plan: ratio %.3f\n' \
    "$nochange_ms" "$(echo "$nochange_ms / $full_ms" | bc -l)"
  printf '    1%% files + 1%% live changed: %6d ms   ratio %.3f\n' \
    "$changed_ms" "$(echo "$changed_ms / $full_ms" | bc -l)"
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
