# Sourced by nicsync's scripts: exports JAVA_HOME as a JDK of version 21 or later.
# Looks at JAVA_HOME first, then the JDKs under /usr/lib/jvm (newest first), then java on the PATH.

nicsync_java_major() { # $1 = path to a java binary; prints its feature version
  # the JDK's release file says it without starting a JVM (JDK 8 says 1.8, which reads as 1); read by the shell
  # itself, since nicsync's launcher runs this on every command
  local java line
  java=$(readlink -f "$1")
  if [ -r "${java%/bin/*}/release" ]; then
    while IFS= read -r line; do
      case $line in
        JAVA_VERSION=*) line=${line#JAVA_VERSION=}; line=${line#\"}; echo "${line%%[!0-9]*}"; return ;;
      esac
    done <"${java%/bin/*}/release"
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | cut -d. -f1
}

nicsync_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    candidate=${candidate%/}
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(nicsync_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME=$(nicsync_find_jdk); then
  echo "nicsync needs a JDK of version 21 or later: set JAVA_HOME or install one (apt-get install openjdk-21-jdk-headless)" >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
# JAVA_HOME's feature version, for the scripts that source this
nicsync_jdk_major=$(nicsync_java_major "$JAVA_HOME/bin/java")
# Maven's bundled Guava uses sun.misc.Unsafe, which JDK 24 and later warn about on every build.
if [ "$nicsync_jdk_major" -ge 24 ]; then
  case " ${MAVEN_OPTS:-} " in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
  esac
fi
