#!/usr/bin/env bash
# nicsync end to end on the local libvirt lab: the three lab guests are reset, a Git repository is made
# from the lab part of examples/desired-state, then plan, apply, a change pushed with git, and apply again.
# Run as root (the lab needs libvirtd and Linux bridges). Usage: scripts/demo.sh
set -euo pipefail
home=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$home/scripts/lib/jdk.sh"
nicsync="$home/bin/nicsync"
guests=(lab-kernel lab-q35 lab-noos)

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
nics() {
  for g in "${guests[@]}"; do
    echo "-- $g"
    virsh -q -c qemu:///system domiflist "$g" | sed 's/^/   /'
  done
}

step "The lab: libvirtd with QEMU guests on this machine (scripts/lab.sh up)"
"$home/scripts/lab.sh" up
for g in "${guests[@]}"; do "$home/scripts/lab.sh" reset "$g" >/dev/null; done

work=${NICSYNC_DEMO_DIR:-$(mktemp -d /tmp/nicsync-demo.XXXXXX)}
mkdir -p "$work"
export NICSYNC_STATE_DIR="$work/state"
git init -q --bare -b main "$work/fleet.git"
git clone -q "$work/fleet.git" "$work/checkout" 2>/dev/null
cd "$work/checkout"
git checkout -q -b main
cp "$home/examples/desired-state/nicsync.yaml" .
cp -r "$home/examples/desired-state/lab" .
git add -A
git -c user.name="Demo Operator" -c user.email=demo@example.org commit -q -m "lab: desired NICs"
git push -q origin main
repo="file://$work/fleet.git"

step "Before: the guests' NICs as libvirt reports them"
nics

step "nicsync plan --repo $repo --target lab"
"$nicsync" plan --repo "$repo" --target lab

step "nicsync apply --yes (every step verified on the live guest)"
"$nicsync" apply --yes --repo "$repo" --target lab

step "After"
nics

step "A change through Git: quarantine gets its link back and moves to br-lab0; git push"
sed -i 's/bridge: br-lab1/bridge: br-lab0/; s/link: down             # up (default) | down/link: up/' lab/lab-kernel.yaml
git -c user.name="Demo Operator" -c user.email=demo@example.org commit -q -am "lab-kernel: quarantine back on br-lab0, link up"
git push -q origin main
git --no-pager log --oneline -2

step "nicsync apply --yes again: only the pushed change"
"$nicsync" apply --yes --repo "$repo" --target lab

step "nicsync plan --detailed-exitcode: nothing left to do"
"$nicsync" plan --repo "$repo" --target lab --detailed-exitcode

step "Done. The repository is $work/fleet.git; scripts/lab.sh down removes the lab."
