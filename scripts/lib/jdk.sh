# Sourced by nicsync's scripts: exports JAVA_HOME as a JDK of version 21 or later.
# Looks at JAVA_HOME first, then the JDKs under /usr/lib/jvm (newest first), then java on the PATH, and sets
# nicsync_jdk_major to its feature version for the scripts that source this.

# Sets nicsync_jdk_major to the feature version of the JDK whose home is $1 (empty when unknown). The JDK's
# release file says it without starting a JVM (JDK 8 says 1.8, which reads as 1); it is read by the shell itself,
# since nicsync's launcher runs this on every command.
nicsync_read_jdk_major() {
  local line
  nicsync_jdk_major=
  if [ -r "$1/release" ]; then
    while IFS= read -r line; do
      case $line in
        JAVA_VERSION=*) line=${line#JAVA_VERSION=}; line=${line#\"}; nicsync_jdk_major=${line%%[!0-9]*}; return 0 ;;
      esac
    done <"$1/release"
  fi
  nicsync_jdk_major=$("$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = //p' | cut -d. -f1)
}

# Whether $1 is the home of a JDK of version 21 or later (setting nicsync_jdk_major).
nicsync_is_jdk() {
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  nicsync_read_jdk_major "$1"
  [ -n "$nicsync_jdk_major" ] && [ "$nicsync_jdk_major" -ge 21 ]
}

# Sets JAVA_HOME to the first JDK >= 21 of: JAVA_HOME, the JDKs under /usr/lib/jvm (newest first), the one of
# java on the PATH. A good JAVA_HOME costs no process: this runs before every command.
nicsync_find_jdk() {
  local candidate=${JAVA_HOME:-}
  candidate=${candidate%/}
  nicsync_is_jdk "$candidate" && { JAVA_HOME=$candidate; return 0; }
  for candidate in $(printf '%s\n' /usr/lib/jvm/*/ | sort -rV); do
    candidate=${candidate%/}
    nicsync_is_jdk "$candidate" && { JAVA_HOME=$candidate; return 0; }
  done
  candidate=$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")
  candidate=${candidate%/bin/java}
  nicsync_is_jdk "$candidate" && { JAVA_HOME=$candidate; return 0; }
  return 1
}

if ! nicsync_find_jdk; then
  echo "nicsync needs a JDK of version 21 or later: set JAVA_HOME or install one (apt-get install openjdk-21-jdk-headless)" >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
# Maven's bundled Guava uses sun.misc.Unsafe, which JDK 24 and later warn about on every build.
if [ "$nicsync_jdk_major" -ge 24 ]; then
  case " ${MAVEN_OPTS:-} " in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
  esac
fi
