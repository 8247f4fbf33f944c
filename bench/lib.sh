# Sourced by bench/*.sh: builds the benchmark programs (bench module, -Pbench) in the reactor, nothing
# installed, and sets BENCH_CP to their class path.
bench_build() {
  local cp_file log
  cp_file=$(mktemp)
  log=$(mktemp)
  mvn -q -B -Pbench -pl bench -am test-compile dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >"$log" 2>&1 || { cat "$log" >&2; rm -f "$cp_file" "$log"; return 1; }
  BENCH_CP="$ROOT/bench/target/classes:$(cat "$cp_file")"
  rm -f "$cp_file" "$log"
}

# Median of the numbers on standard input, one a line.
median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Runs a nicsync command ($1, evaluated) twice untimed, as a user's first runs: the first trains the launcher's
# class-data archive, the second makes it (in the background); waits for the archive, so that the timed runs
# use it as every later run of the user does. Prints the first run's output.
bench_train_launcher() {
  local out
  rm -rf "$ROOT/reconciler/target/class-data"
  out=$(eval "$1")
  eval "$1" >/dev/null
  for _ in $(seq 1 180); do
    ls "$ROOT"/reconciler/target/class-data/*.aot "$ROOT"/reconciler/target/class-data/*.jsa >/dev/null 2>&1 && break
    sleep 1
  done
  ls "$ROOT/reconciler/target/class-data" >&2
  echo "$out"
}
