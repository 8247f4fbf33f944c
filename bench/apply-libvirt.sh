#!/usr/bin/env bash
# Wall time of `nicsync apply` for N NIC hotplugs (each added and persisted: two steps) spread over M
# running throwaway guests without an OS, with --parallelism 1 and then --parallelism 4 on fresh guests,
# and as the raw baseline of the same run the same hotplugs made one by one with virsh.
# Needs the lab: scripts/lab.sh up (as root).
#   bench/apply-libvirt.sh [N] [M]      defaults 24 NICs over 4 guests; everything it makes is removed
# Last line: "speed-up p4/p1: S", of the journaled step time (run-started to run-finished).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source scripts/lib/jdk.sh
N=${1:-24}
M=${2:-4}
URI=qemu:///system
LAB_DIR=${NICSYNC_LAB_DIR:-/var/lib/nicsync-lab}
BRIDGE=br-lab1
PER_GUEST=$(( (N + M - 1) / M ))

[[ "$("$ROOT/scripts/lab.sh" status)" == *"libvirtd running"* ]] || {
  echo "apply-libvirt: the lab is not up; run scripts/lab.sh up first" >&2; exit 1; }
[ -d "/sys/class/net/$BRIDGE/bridge" ] || { echo "apply-libvirt: no bridge $BRIDGE; run scripts/lab.sh up" >&2; exit 1; }

WORK=$(mktemp -d)
TAG=bench-apply-$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
GUESTS=()
for i in $(seq 1 "$M"); do GUESTS+=("$TAG-$i"); done
virsh_() { virsh -q -c "$URI" "$@"; }
remove_guests() {
  local g
  for g in "${GUESTS[@]}"; do
    virsh_ destroy "$g" >/dev/null 2>&1 || true
    virsh_ undefine "$g" >/dev/null 2>&1 || true
  done
}
trap 'remove_guests; rm -rf "$WORK"' EXIT

# Fresh guests with their one template NIC: a guest without an OS never releases an unplugged NIC, so the
# state between two runs is reset by redefining the guests, not by unplugging.
fresh_guests() {
  remove_guests
  local g
  for g in "${GUESTS[@]}"; do
    sed -e "s|@NAME@|$g|" -e "s|@BRIDGE@|br-lab0|" scripts/lab/noos-guest.xml >"$WORK/$g.xml"
    virsh_ define "$WORK/$g.xml" >/dev/null
    virsh_ start "$g" >/dev/null
  done
}

desired_repo() {
  git init -q --bare -b main "$WORK/repo.git"
  git clone -q "$WORK/repo.git" "$WORK/clone" 2>/dev/null
  printf 'apiVersion: nicsync.io/v1alpha1\nkind: Config\ntargets:\n  - name: lab\n    kind: libvirt\n    uri: %s\n' \
    "$URI" >"$WORK/clone/nicsync.yaml"
  local g k made=0
  for g in "${GUESTS[@]}"; do
    {
      printf 'apiVersion: nicsync.io/v1alpha1\nkind: VmNics\nmetadata:\n  name: %s\n  target: lab\nspec:\n  nics:\n' "$g"
      for k in $(seq 1 "$PER_GUEST"); do
        [ "$made" -lt "$N" ] || break
        printf '    - name: n%d\n      network: {bridge: %s}\n' "$k" "$BRIDGE"
        made=$((made + 1))
      done
    } >"$WORK/clone/$g.yaml"
  done
  git -C "$WORK/clone" add -A
  git -C "$WORK/clone" -c user.name=bench -c user.email=bench@example.org commit -q -m "bench: $N NICs"
  git -C "$WORK/clone" push -q origin HEAD:main
}

# Seconds between the run-started and run-finished lines of the one journal under $1.
journaled_seconds() {
  local journal first last
  journal=$(ls "$1"/journal/*.jsonl)
  first=$(sed -n '1s/.*"at":"\([^"]*\)".*/\1/p' "$journal")
  last=$(grep '"event":"run-finished"' "$journal" | sed 's/.*"at":"\([^"]*\)".*/\1/')
  echo "$(date -d "$last" +%s.%N) - $(date -d "$first" +%s.%N)" | bc -l
}

# Prints "WALL_SECONDS STEPS JOURNALED_SECONDS" for one apply on fresh guests.
timed_apply() {
  local p=$1 out="$WORK/apply-p$1.out" start end
  fresh_guests
  start=$(date +%s.%N)
  NICSYNC_NO_BUILD=1 bin/nicsync apply --yes --parallelism "$p" --state-dir "$WORK/state-p$p" \
    --repo "$WORK/repo.git" >"$out" 2>&1 || { cat "$out" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc -l) $(grep -c 'done, verified' "$out") $(journaled_seconds "$WORK/state-p$p")"
}

# The same hotplugs with virsh, one command each: live, then persistent with the same MAC.
timed_virsh() {
  fresh_guests
  local start end g k made=0 mac
  start=$(date +%s.%N)
  for g in "${GUESTS[@]}"; do
    for k in $(seq 1 "$PER_GUEST"); do
      [ "$made" -lt "$N" ] || break
      mac=$(printf '52:54:00:be:%02x:%02x' "${g##*-}" "$k")
      virsh_ attach-interface "$g" bridge "$BRIDGE" --model virtio --mac "$mac" --live >/dev/null
      virsh_ attach-interface "$g" bridge "$BRIDGE" --model virtio --mac "$mac" --config >/dev/null
      made=$((made + 1))
    done
  done
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc -l) $((made * 2))"
}

report() { # $1 label, $2 seconds, $3 steps
  printf '%-28s %7.2f s  %3d steps  %6.2f steps/s\n' "$1" "$2" "$3" "$(echo "$3 / $2" | bc -l)"
}

# Builds nicsync now if it must, so that no build lands inside a timed run.
bin/nicsync --version >/dev/null 2>"$WORK/build.log" || { cat "$WORK/build.log" >&2; exit 1; }
desired_repo
echo "apply-libvirt: $N NICs (add + persist each) over $M running guests without an OS, bridge $BRIDGE"
read -r t1 s1 j1 <<<"$(timed_apply 1)"
read -r t4 s4 j4 <<<"$(timed_apply 4)"
read -r tv sv <<<"$(timed_virsh)"
report "apply -p1, wall" "$t1" "$s1"
report "apply -p1, steps (journal)" "$j1" "$s1"
report "apply -p4, wall" "$t4" "$s4"
report "apply -p4, steps (journal)" "$j4" "$s4"
report "raw virsh, one at a time" "$tv" "$sv"
echo "(wall: the whole command, JVM start, git, observing and planning included; journal: run-started to"
echo " run-finished, every step executed and verified; raw virsh: one process per hotplug, nothing verified)"
printf 'speed-up p4/p1 of the whole command: %.2f\n' "$(echo "$t1 / $t4" | bc -l)"
# Last: what parallelism can change, the steps themselves; the JVM start and the planning stay the same.
printf 'speed-up p4/p1: %.2f\n' "$(echo "$j1 / $j4" | bc -l)"
