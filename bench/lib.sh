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
