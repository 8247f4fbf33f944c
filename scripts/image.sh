#!/usr/bin/env bash
# Builds nicsync's container image offline as an OCI tarball, target/nicsync-image.tar, and checks it:
#   1. nicsync's jars (mvn package);
#   2. a JRE jlinked from this JDK with the modules jdeps finds in those jars, plus the shared libraries the
#      JRE needs copied from this system, /etc/passwd and /etc/group naming the user 65532 (deploy/target/image-root);
#   3. the image, with Jib on the base "scratch" (nothing is pulled; mvn -Pimage in deploy/);
#   4. scripts/image/CheckImage.java reads the tarball back: OCI index and manifest, a non-root user, the
#      entrypoint, the java binary and the jars; then, when run as root, the image's own files run nicsync
#      --version and validate as that user (unpacked, in a chroot with its own /proc).
# Usage: scripts/image.sh [extra mvn arguments]
set -euo pipefail
home=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$home"
. scripts/lib/jdk.sh
mvn=(mvn -B -ntp -q "$@")

echo "== nicsync's jars"
"${mvn[@]}" -pl deploy -am package -DskipTests
lib=dist/target/lib
jars=("$lib"/*.jar)

root=deploy/target/image-root
rm -rf "$root"
mkdir -p "$root"/opt "$root"/etc "$root"/tmp "$root"/home/nicsync

echo "== JRE: jlink of the modules jdeps finds"
modules=$(jdeps --multi-release 21 --ignore-missing-deps --print-module-deps "${jars[@]}" 2>/dev/null | tail -1)
echo "modules: $modules"
jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
  --output "$root/opt/java"

echo "== shared libraries the JRE needs, from this system"
# AWT's libraries (java.desktop comes along for java.beans) are never loaded: nicsync has no GUI
find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) \
    ! -name 'libawt*' ! -name 'libfontmanager.so' ! -name 'libfreetype.so' ! -name 'libjawt.so' \
    ! -name 'libjsound.so' ! -name 'libsplashscreen.so' ! -name 'liblcms.so' ! -name 'libjavajpeg.so' \
    ! -name 'libmlib_image.so' -print0 \
  | xargs -0 ldd 2>/dev/null \
  | awk '/=> \// {print $3} /^[ \t]*\/[^ ]+ \(/ {print $1}' \
  | grep -v "^$home/" | sort -u > deploy/target/image-libs.txt
echo /lib/x86_64-linux-gnu/libgcc_s.so.1 >> deploy/target/image-libs.txt  # glibc loads it to cancel threads
while read -r so; do
  [ -e "$so" ] || continue
  mkdir -p "$root$(dirname "$so")"
  cp -L "$so" "$root$so"
done < deploy/target/image-libs.txt
cat deploy/target/image-libs.txt

cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
nicsync:x:65532:65532:nicsync:/home/nicsync:/sbin/nologin
PASSWD
cat > "$root/etc/group" <<'GROUP'
root:x:0:
nicsync:x:65532:
GROUP
echo "hosts: files dns" > "$root/etc/nsswitch.conf"

echo "== image (Jib, OCI)"
mkdir -p deploy/target/classes  # deploy/ has no classes of its own; Jib wants the directory
"${mvn[@]}" -pl deploy -am -Pimage package -DskipTests -Djib.disableUpdateChecks=true
ls -l target/nicsync-image.tar

echo "== check"
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && command -v chroot >/dev/null; then
  # the image's files run nicsync as its user: --version, and validate on a repository inside the image root
  run=deploy/target/image-run
  rm -rf "$run"
  mkdir -p "$run/tmp"
  git init -q -b main "$run/tmp/desired-state"
  cp -r examples/desired-state/. "$run/tmp/desired-state/"
  git -C "$run/tmp/desired-state" add -A
  git -C "$run/tmp/desired-state" -c user.name=nicsync -c user.email=nicsync@localhost commit -q -m example
  java -cp "$lib/*" scripts/image/CheckImage.java target/nicsync-image.tar "$lib" --run "$run" /tmp/desired-state
else
  java -cp "$lib/*" scripts/image/CheckImage.java target/nicsync-image.tar "$lib"
fi
