#!/usr/bin/env bash
# Planning a fleet of N KubeVirt VMs with 4 NICs each, against the raw cost of reading the same inputs, each
# figure next to its baseline from the same run:
#   cold plan      bin/nicsync plan as a whole process, as a user runs it (the launcher's AOT archive trained
#                  first), with an empty cache directory: Git read, YAML parse, validation, observe (one paged LIST
#                  each of VMIs, launcher pods and VMs, while the files validate), diff, plan
#   warm plan      the same, of a commit that changed 1% of the files, with the cache directory the plan of the
#                  commit before filled: only the changed files are read and parsed (each file's checks are kept
#                  by blob id), the rest as the cold plan
#   baseline (raw) a whole process reading the same files from Git plus one LIST of VMs and one of VMIs, nothing
#                  parsed or diffed, run as bin/nicsync runs a plan (its JVM options and a class-data archive of its
#                  own); the same run with the JVM's defaults, which pays for compilation what the launcher saves
#                  nicsync, is printed for comparison
#   peak RSS       of each of those processes
#   a session      as nicsync serve plans, in one process: its first plan; the next, which waits for the watches
#                  the first started; one with nothing changed; one after a commit changing 1% of the files and
#                  live changes to another 1% of the VMs (with the session's own peak RSS)
#   serve          bin/nicsync serve as the container image runs it (the image's JVM options, in a memory cgroup
#                  of the deployment's 512 MiB limit, so the JVM sizes its heap as in the pod and the kernel kills
#                  it if it goes over), from an empty cache: the peak RSS of its first plan, and whether it is still
#                  there after 10 cycles
# The live side is the simulated KubeVirt cluster (fabric8's mock API server in CRUD mode and the simulator) in a
# process of its own, seeded with N running VMs (VM, VMI and launcher pod each) and the matching desired-state
# repository: about 40 s at 10,000.
#   bench/scale.sh [N...]          default: 1000 10000 (the second shows how the cost grows with N)
#   BENCH_RUNS (default 3) measured runs of each process per N; the medians are printed.
# Last four lines, for the largest N: "warm plan/raw ratio: R", "cold plan/raw ratio: R", "serve first-plan RSS MiB:
# M", "no-change/full ratio: X" (a session's no-change plan against the cold nicsync plan).
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
  { exec 3>&-; } 2>/dev/null || true
  [ -z "$CLUSTER_PID" ] || wait "$CLUSTER_PID" 2>/dev/null || true
  CLUSTER_PID=
}
SERVE_PID=
trap '[ -z "$SERVE_PID" ] || kill "$SERVE_PID" 2>/dev/null; stop_cluster; rm -rf "$WORK"' EXIT

[ -x /usr/bin/time ] || { echo "scale: installing time ..." >&2; apt-get install -y -q time >/dev/null; }
echo "building ..." >&2
bench_build
NICSYNC_NO_BUILD=0 bin/nicsync --version >/dev/null # builds bin/nicsync's jars when the sources changed

# value KEY FILE...: every KEY=value of the files, one a line
value() { local key=$1; shift; grep -oh "\b$key=[0-9]*" "$@" | cut -d= -f2; }
# seconds_ms KEY FILE...: every KEY=seconds (as /usr/bin/time writes them) in milliseconds
seconds_ms() { local key=$1; shift; grep -oh "\b$key=[0-9.]*" "$@" | cut -d= -f2 | awk '{ printf "%d\n", $1 * 1000 }'; }

# serve_first_plan DIR: bin/nicsync's serve as the image runs it, in a memory cgroup of the deployment's limit; sets
# SERVE_FIRST_MS, SERVE_RSS_MIB (the process's peak resident set once its first cycle ended), SERVE_CYCLES and
# SERVE_STATE (what became of it after 10 cycles: still serving, or killed by the kernel for its memory).
serve_first_plan() {
  local dir=$1 group=/sys/fs/cgroup/memory/nicsync-bench-$$ port pid start runs=0 i
  mkdir -p "$group" && echo $((512 * 1024 * 1024)) >"$group/memory.limit_in_bytes" \
    || { echo "scale: needs a cgroup v1 memory controller (as root)" >&2; exit 1; }
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  rm -rf "$dir/serve-cache" "$dir/serve-state"
  start=$(date +%s%N)
  # the image's entry point: java -XX:MaxRAMPercentage=50 -XX:-UsePerfData -cp <jars> io.nicsync.cli.Main
  (echo $BASHPID >"$group/cgroup.procs"
   exec env NICSYNC_CACHE_DIR="$dir/serve-cache" NICSYNC_STATE_DIR="$dir/serve-state" \
     "$JAVA_HOME/bin/java" -XX:MaxRAMPercentage=50 -XX:-UsePerfData -cp "$ROOT/dist/target/lib/*" \
     io.nicsync.cli.Main serve \
     --repo "$dir/repo" --ref main --allow-file "$dir/kubeconfig" --listen "127.0.0.1:$port" --interval 1s \
     >"$dir/serve.log" 2>&1 3>&-) &
  pid=$!
  SERVE_PID=$pid
  SERVE_FIRST_MS=
  for i in $(seq 1 900); do
    kill -0 "$pid" 2>/dev/null || break
    runs=$({ curl -s "http://127.0.0.1:$port/metrics" 2>/dev/null || true; } \
      | awk '/^nicsync_runs_total/ { s += $2 } END { print s + 0 }')
    if [ -z "$SERVE_FIRST_MS" ] && [ "${runs%.*}" -ge 1 ]; then
      SERVE_FIRST_MS=$((($(date +%s%N) - start) / 1000000))
      SERVE_RSS_MIB=$(($(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status") / 1024))
    fi
    [ "${runs%.*}" -ge 10 ] && break
    sleep 0.2
  done
  SERVE_CYCLES=${runs%.*}
  if kill -0 "$pid" 2>/dev/null; then
    SERVE_STATE="still serving, peak RSS $(($(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status") / 1024)) MiB"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  else
    wait "$pid" 2>/dev/null || true
    SERVE_STATE="gone (the cgroup's OOM kills: $(cat "$group/memory.failcnt"); see $dir/serve.log)"
  fi
  SERVE_PID=
  rmdir "$group" 2>/dev/null || true
  [ -n "$SERVE_FIRST_MS" ] || { echo "scale: serve planned nothing: $SERVE_STATE" >&2; tail -20 "$dir/serve.log" >&2; exit 1; }
}

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

  java -cp "$BENCH_CP" io.nicsync.bench.ScaleRun next-commit "$dir" "$n" >"$dir/next.out"
  plan_cmd="NICSYNC_NO_BUILD=1 $ROOT/bin/nicsync plan --repo $dir/repo --allow-file $dir/kubeconfig"
  # cold: a cache directory of its own, empty; warm: a copy of the one the plan of main filled
  out=$(bench_train_launcher "NICSYNC_CACHE_DIR=$dir/filled $plan_cmd --ref main")
  echo "$out" | grep -q "No changes." || { echo "scale: the plan is not 'No changes.':" >&2; echo "$out" >&2; exit 1; }
  raw=(io.nicsync.bench.ScaleRun raw "$dir" "$n")
  bench_java_baseline "raw-$n" "${raw[@]}"
  for r in $(seq 1 "$RUNS"); do
    # alternating which goes first keeps whatever one leaves behind (page cache, the server's garbage) even
    for mode in $( ((r % 2)) && echo raw cold warm plain || echo plain warm cold raw); do
      case $mode in
        cold|warm)
          # the copy of the filled cache is made before the clock starts: the plan alone is timed
          [ "$mode" = cold ] || { rm -rf "$dir/warm"; cp -a "$dir/filled" "$dir/warm"; }
          /usr/bin/time -f 'wall_s=%e peak_rss_kib=%M' -o "$dir/$mode-$r.out" \
            bash -c "NICSYNC_CACHE_DIR=$dir/$mode $plan_cmd --ref refs/bench/next" >"$dir/$mode-$r.plan"
          grep -q "Plan: " "$dir/$mode-$r.plan" || { echo "scale: the $mode plan planned nothing:" >&2; cat "$dir/$mode-$r.plan" >&2; exit 1; }
          [ "$mode" = warm ] || rm -rf "$dir/cold" ;;
        plain)
          /usr/bin/time -f 'wall_s=%e' -o "$dir/plain-$r.time" \
            java -cp "$BENCH_CP" "${raw[@]}" >/dev/null 2>"$dir/plain-$r.err" \
            || { cat "$dir/plain-$r.err" >&2; exit 1; } ;;
        raw)
          /usr/bin/time -f 'wall_s=%e' -a -o "$dir/raw-$r.out" \
            "${bench_baseline[@]}" >"$dir/raw-$r.out" 2>"$dir/raw-$r.err" \
            || { cat "$dir/raw-$r.err" >&2; exit 1; } ;;
      esac
    done
    rm -rf "$dir/session-cache"
    NICSYNC_CACHE_DIR="$dir/session-cache" java -cp "$BENCH_CP" io.nicsync.bench.ScaleRun session "$dir" "$n" \
      >"$dir/session-$r.out" 2>"$dir/session-$r.err" || { cat "$dir/session-$r.err" >&2; exit 1; }
    grep -h 'full_steps\|nochange_steps\|changed_files' "$dir/session-$r.out" | tr '\n' ' ' >&2; echo >&2
  done
  serve_first_plan "$dir"
  stop_cluster

  raw_ms=$(seconds_ms wall_s "$dir"/raw-*.out | median)
  plain_ms=$(seconds_ms wall_s "$dir"/plain-*.time | median)
  cold_ms=$(seconds_ms wall_s "$dir"/cold-*.out | median)
  warm_ms=$(seconds_ms wall_s "$dir"/warm-*.out | median)
  raw_rss=$(value peak_rss_kib "$dir"/raw-*.out | median)
  cold_rss=$(value peak_rss_kib "$dir"/cold-*.out | median)
  warm_rss=$(value peak_rss_kib "$dir"/warm-*.out | median)
  first_ms=$(value full_ms "$dir"/session-*.out | median)
  watches_ms=$(value watches_ms "$dir"/session-*.out | median)
  nochange_ms=$(value nochange_ms "$dir"/session-*.out | median)
  changed_ms=$(value changed_ms "$dir"/session-*.out | median)
  session_rss=$(value peak_rss_kib "$dir"/session-*.out | median)
  FULL_MS[$n]=$cold_ms
  echo "== $n VMs with 4 NICs each (median of $RUNS runs; whole processes, JVM start included)"
  printf '  raw (Git read + LIST VMs + LIST VMIs): %6d ms   with the JVM'"'"'s defaults: %6d ms\n' "$raw_ms" "$plain_ms"
  printf '  nicsync plan, cold (empty cache):      %6d ms   ratio %.2f (against the JVM'"'"'s defaults: %.2f)\n' \
    "$cold_ms" "$(echo "$cold_ms / $raw_ms" | bc -l)" "$(echo "$cold_ms / $plain_ms" | bc -l)"
  printf '  nicsync plan, warm (1%% of the files changed since the plan that filled the cache): %6d ms   ratio %.2f\n' \
    "$warm_ms" "$(echo "$warm_ms / $raw_ms" | bc -l)"
  printf '  peak RSS:   cold %6d MiB   warm %6d MiB   raw %6d MiB\n' $((cold_rss / 1024)) $((warm_rss / 1024)) \
    $((raw_rss / 1024))
  echo "  a session, as nicsync serve plans (peak RSS $((session_rss / 1024)) MiB):"
  printf '    first plan:       %6d ms\n' "$first_ms"
  printf '    next plan, waiting for the watches the first started: %6d ms\n' "$watches_ms"
  printf '    no change:        %6d ms   against the cold nicsync plan: ratio %.3f\n' \
    "$nochange_ms" "$(echo "$nochange_ms / $cold_ms" | bc -l)"
  printf '    1%% files + 1%% live changed: %6d ms   ratio %.3f\n' \
    "$changed_ms" "$(echo "$changed_ms / $cold_ms" | bc -l)"
  printf '  serve in the image'"'"'s container (512 MiB, -XX:MaxRAMPercentage=50): first plan in %d ms, peak RSS %d MiB;' \
    "$SERVE_FIRST_MS" "$SERVE_RSS_MIB"
  echo " after $SERVE_CYCLES cycles: $SERVE_STATE"
done

if [ ${#SIZES[@]} -gt 1 ]; then
  small=${SIZES[0]}; large=${SIZES[-1]}
  printf 'linearity: full plan per VM %.2f ms at %d, %.2f ms at %d (x%.2f for x%.0f VMs)\n' \
    "$(echo "${FULL_MS[$small]} / $small" | bc -l)" "$small" "$(echo "${FULL_MS[$large]} / $large" | bc -l)" "$large" \
    "$(echo "${FULL_MS[$large]} / ${FULL_MS[$small]}" | bc -l)" "$(echo "$large / $small" | bc -l)"
fi
printf 'warm plan/raw ratio: %.2f\n' "$(echo "$warm_ms / $raw_ms" | bc -l)"
printf 'cold plan/raw ratio: %.2f\n' "$(echo "$cold_ms / $raw_ms" | bc -l)"
echo "serve first-plan RSS MiB: $SERVE_RSS_MIB"
printf 'no-change/full ratio: %.3f\n' "$(echo "$nochange_ms / $cold_ms" | bc -l)"
