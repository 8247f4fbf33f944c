# Sourced by bin/nicsync, and by the benchmarks so that their Java baselines run as nicsync does: the JVM
# options of a nicsync command. Needs nicsync_jdk_major (scripts/lib/jdk.sh).

# Appends to the array java_opts the options of nicsync command $1.
nicsync_java_options() {
  # libvirt-java reaches libvirt through JNA, which loads a native library.
  java_opts+=(--enable-native-access=ALL-UNNAMED)
  # The KubeVirt client's netty allocates through sun.misc.Unsafe, which JDK 24 and later warn about on stderr.
  [ "$nicsync_jdk_major" -lt 23 ] || java_opts+=(--sun-misc-unsafe-memory-access=allow)
  # A command that runs once (everything but serve) spends much of its CPU compiling: with the client compiler
  # alone a 10,000-VM plan takes a third less CPU and less time on two cores. The parallel collector with a
  # fixed young generation keeps the heap near what is live (360 MiB at peak for that plan, instead of 880 MiB
  # with the defaults); 128 MiB of it collects that plan's garbage in a third as many pauses as 64 MiB did, and
  # spends a quarter less time in them. serve, which runs for days, keeps the JVM's defaults.
  case ${1:-} in
    serve) ;;
    *) java_opts+=(-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn128m) ;;
  esac
}
