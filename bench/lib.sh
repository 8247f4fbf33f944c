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
  rm -rf "$ROOT/dist/target/class-data"
  out=$(eval "$1")
  eval "$1" >/dev/null
  for _ in $(seq 1 180); do
    compgen -G "$ROOT/dist/target/class-data/*.aot" >/dev/null || compgen -G "$ROOT/dist/target/class-data/*.jsa" >/dev/null && break
    sleep 1
  done
  ls "$ROOT/dist/target/class-data" >&2
  echo "$out"
}

# Sets the array bench_baseline to the command line of a Java baseline, main class $2 with arguments $3...,
# run as bin/nicsync runs a one-shot command: with its JVM options and a class-data archive of its own ($1 names
# it), made here by untimed runs (an AOT cache on JDK 24 and later, a dynamic CDS archive before). A baseline
# without them would pay for JVM start-up and compilation what nicsync's launcher saves, and flatter nicsync.
# Needs WORK and BENCH_CP.
bench_java_baseline() {
  local archive="$WORK/baseline-$1" java_opts=() entries=() i classpath
  shift
  # a class-data archive takes classes from jars only: the build's class directories are packed into jars
  mkdir -p "$WORK/baseline-jars"
  IFS=: read -ra entries <<<"$BENCH_CP"
  for i in "${!entries[@]}"; do
    [ -d "${entries[$i]}" ] || continue
    "$JAVA_HOME/bin/jar" --create --file "$WORK/baseline-jars/$i.jar" -C "${entries[$i]}" .
    entries[$i]="$WORK/baseline-jars/$i.jar"
  done
  classpath=$(IFS=:; echo "${entries[*]}")
  source "$ROOT/scripts/lib/java-options.sh"
  nicsync_java_options plan
  java_opts+=("-Xlog:aot*=off" "-Xlog:cds*=off")
  if [ "$nicsync_jdk_major" -ge 24 ]; then
    "$JAVA_HOME/bin/java" "${java_opts[@]}" -XX:AOTMode=record "-XX:AOTConfiguration=$archive.aotconf" \
      -cp "$classpath" "$@" >/dev/null 2>&1
    "$JAVA_HOME/bin/java" "${java_opts[@]}" -XX:AOTMode=create "-XX:AOTConfiguration=$archive.aotconf" \
      "-XX:AOTCache=$archive.aot" -cp "$classpath" >/dev/null 2>&1
    [ -f "$archive.aot" ] || { echo "bench: could not make the AOT cache of baseline ${archive##*/}" >&2; return 1; }
    java_opts+=("-XX:AOTCache=$archive.aot")
  else
    java_opts+=(-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$archive.jsa")
    "$JAVA_HOME/bin/java" "${java_opts[@]}" -cp "$classpath" "$@" >/dev/null 2>&1
  fi
  bench_baseline=("$JAVA_HOME/bin/java" "${java_opts[@]}" -cp "$classpath" "$@")
}
