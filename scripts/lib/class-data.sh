# Sourced by bin/nicsync: adds to java_opts what makes the JVM start faster from a class-data archive of
# nicsync's classes, kept in a directory next to the build output and made automatically:
# - JDK 24 and later, an AOT cache (JEP 483/514/515): the first plan, apply or import records which classes
#   it loads (-XX:AOTMode=record: these commands load nearly all of nicsync), the next run creates the cache
#   from that record in the background, and every run after uses it (-XX:AOTCache), classes loaded and
#   linked and methods profiled;
# - JDK 19 to 23, a dynamic AppCDS archive the JVM writes at the end of the first run and uses from then on
#   (-XX:+AutoCreateSharedArchive).
# An archive is named after a digest of the JDK and every jar (path, size, time), so rebuilding nicsync or
# adding a plugin makes a new one; old ones are removed. Without a writable directory, or with NICSYNC_AOT=0,
# nicsync runs without one; a JVM that cannot use an archive ignores it. The JVM's own messages about
# archives are turned off: they would mix with nicsync's output.

# $1 = archive directory, $2 = the nicsync command, $3 = class path, $4... = the jars on it
nicsync_class_data_options() {
  local dir=$1 command=$2 classpath=$3 major=$nicsync_jdk_major key
  shift 3
  [ "${NICSYNC_AOT:-1}" != 0 ] || return 0
  [ -n "$major" ] && [ "$major" -ge 19 ] || return 0
  { [ -d "$dir" ] || mkdir -p "$dir" 2>/dev/null; } && [ -w "$dir" ] || return 0
  # the JDK by its release file and class library (no JVM started for it), every jar by path, size and time;
  # this runs before every command, so it starts as few processes as it can
  key=$(stat -c '%n %s %Y' "$JAVA_HOME/release" "$JAVA_HOME/lib/modules" "$@" 2>/dev/null | sha256sum)
  key=${key:0:16}
  java_opts+=("-Xlog:cds*=off")
  if [ "$major" -lt 24 ]; then
    [ -f "$dir/nicsync-$key.jsa" ] || nicsync_remove_old_class_data "$dir" "$key"
    java_opts+=(-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$dir/nicsync-$key.jsa")
    return 0
  fi
  java_opts+=("-Xlog:aot*=off")
  local cache="$dir/nicsync-$key.aot"
  if [ -f "$cache" ]; then
    java_opts+=("-XX:AOTCache=$cache")
    return 0
  fi
  nicsync_remove_old_class_data "$dir" "$key"
  local record pid
  for record in "$dir"/nicsync-"$key"-*.aotconf; do
    [ -f "$record" ] || continue
    pid=${record##*-}; pid=${pid%.aotconf}
    kill -0 "$pid" 2>/dev/null && continue # still being written by that run
    nicsync_create_aot_cache "$record" "$cache" "$classpath"
    return 0
  done
  case $command in plan | apply | import | reconcile | serve) ;; *) return 0 ;; esac
  # This run is the training run: the JVM writes what it loaded at exit. Its PID stays this script's (exec).
  java_opts+=(-XX:AOTMode=record "-XX:AOTConfiguration=$dir/nicsync-$key-$$.aotconf"
    -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput)
}

# Removes the archives and records of other JDKs and jars from $1, all but those of key $2.
nicsync_remove_old_class_data() {
  find "$1" -maxdepth 1 -type f ! -name "nicsync-$2*" ! -name '*.lock' -mmin +1 -delete 2>/dev/null || true
}

# Creates the AOT cache from a record in the background, once: a run does not wait for it.
nicsync_create_aot_cache() {
  local record=$1 cache=$2 classpath=$3 lock="$2.lock"
  mkdir "$lock" 2>/dev/null || return 0
  (
    trap 'rm -rf "$lock" "$cache.$BASHPID"' EXIT
    # with the options the runs use (collector, compiler): a cache made under others may be refused
    "$JAVA_HOME/bin/java" "${java_opts[@]}" -XX:AOTMode=create "-XX:AOTConfiguration=$record" "-XX:AOTCache=$cache.$BASHPID" \
      "-Xlog:aot*=off" "-Xlog:cds*=off" -cp "$classpath" && mv "$cache.$BASHPID" "$cache"
    rm -f "$record"
  ) </dev/null >/dev/null 2>&1 &
  disown 2>/dev/null || true
}
