#!/usr/bin/env bash
# Runs every test of nicsync: unit tests, integration tests against a real libvirtd with QEMU guests,
# real git repositories, and the end-to-end suite. Installs and starts what the tests need first: each script in
# scripts/test-prereqs.d/, then each plugin's own lab (plugins/*/lab/test-prereqs.sh), all idempotent.
# Usage: scripts/test.sh [extra mvn arguments]
set -euo pipefail
home=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$home"
. scripts/lib/jdk.sh

for prereq in scripts/test-prereqs.d/*.sh plugins/*/lab/test-prereqs.sh; do
  [ -e "$prereq" ] || continue
  echo "== prerequisites: ${prereq%.sh}"
  bash "$prereq"
done

echo "== mvn verify (JDK: $JAVA_HOME)"
exec mvn -B -ntp verify "$@"
