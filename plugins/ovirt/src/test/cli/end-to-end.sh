#!/usr/bin/env bash
# The whole command-line path against a simulated oVirt engine that this script starts itself (loopback only, a port
# of its own, TLS with a CA made now): a desired-state Git repository made by `nicsync import`, then validate, plan,
# apply, a change that needs a restart and one replugged (the same engine NIC, the same MAC), a vNIC profile changed
# live, a failed step rolled back, a NIC removed for good, an apply killed mid-way and recovered. Each stage checks
# what nicsync prints and what the engine has (the simulator's /sim/ control paths).
#   plugins/ovirt/src/test/cli/end-to-end.sh        (about two minutes; the end-to-end suite runs it: PluginEndToEndIT)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../../../.." && pwd)
NICSYNC=$ROOT/bin/nicsync
MODULE=$ROOT/plugins/ovirt
WORK=$(mktemp -d)
export NICSYNC_STATE_DIR=$WORK/state
# shellcheck disable=SC1091
. "$ROOT/scripts/lib/jdk.sh"

say() { echo "== $*"; }
fail() { echo "end-to-end: FAILED: $*" >&2; exit 1; }
sim_pid=
cleanup() {
  [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# The simulated engine is test code of the plugin: its classes and class path come from the plugin's build.
if [ ! -f "$MODULE/target/simulator.classpath" ] || [ ! -f "$MODULE/target/test-classes/io/nicsync/plugin/ovirt/sim/Main.class" ]; then
  (cd "$ROOT" && mvn -q -B -o -pl plugins/ovirt -am test-compile >/dev/null 2>&1) \
    || (cd "$ROOT" && mvn -q -B -pl plugins/ovirt -am test-compile >/dev/null)
fi
# The plugin is one jar: where the distribution does not bundle it yet, bin/nicsync takes it from a plugins
# directory, with the SDK and HTTP client jars it needs.
if ! grep -q nicsync-plugin-ovirt "$ROOT/dist/pom.xml"; then
  (cd "$ROOT" && mvn -q -B -pl plugins/ovirt -am package -DskipTests >/dev/null 2>&1)
  mkdir -p "$WORK/plugins.d" && cp "$MODULE"/target/nicsync-plugin-ovirt-*.jar "$WORK/plugins.d/"
  tr ':' '\n' <"$MODULE/target/simulator.classpath" | grep -E '/(sdk|httpclient|httpcore|commons-codec)-[0-9]' \
    | xargs -I{} cp {} "$WORK/plugins.d/"
  export NICSYNC_PLUGINS=$WORK/plugins.d
fi

say "a simulated engine on loopback, with a CA made for it"
mkdir -p "$WORK/engine"
"$JAVA_HOME/bin/java" -cp "$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$MODULE/target/simulator.classpath")" \
  io.nicsync.plugin.ovirt.sim.Main "$WORK/engine" >"$WORK/engine.log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 300); do [ -f "$WORK/engine/engine.env" ] && break; kill -0 "$sim_pid" || break; sleep 0.2; done
[ -f "$WORK/engine/engine.env" ] || { cat "$WORK/engine.log"; fail "the simulated engine did not start"; }
# shellcheck disable=SC1091
. "$WORK/engine/engine.env"
case "$OVIRT_URL" in https://localhost:*) ;; *) fail "the engine is not on loopback: $OVIRT_URL" ;; esac
sim() { curl -sf --cacert "$OVIRT_CA" "$OVIRT_SIM/$1"; }
nics() { sim "nics/$1" | awk '{print $1}' | paste -sd, -; }
nic() { sim "nics/$1" | awk -v n="$2" '$1 == n'; }
nic_id() { sim "ids/$1" | awk -v n="$2" '$1 == n {print $2}'; }

run() { # LOG EXPECTED-EXIT nicsync ARGS...: runs nicsync, keeps its output, checks its exit code
  local log=$WORK/$1 want=$2 rc=0
  shift 2
  "$NICSYNC" "$@" >"$log" 2>&1 || rc=$?
  sed 's/^/   | /' "$log"
  [ "$rc" = "$want" ] || fail "nicsync $* exited $rc, not $want"
}
expect() { grep -qF -- "$2" "$WORK/$1" || fail "$1 does not say: $2"; }
absent() { ! grep -qF -- "$2" "$WORK/$1" || fail "$1 says: $2"; }

# The repository names the engine and the files nicsync reads its trust and password from: the operator allows them.
export NICSYNC_ALLOW_ENDPOINTS="${OVIRT_URL%/ovirt-engine/api}"
export NICSYNC_ALLOW_FILES="$OVIRT_CA,$OVIRT_PASSWORD_FILE"

say "a desired-state repository for the engine, filled by nicsync import"
REPO=$WORK/repo
mkdir -p "$REPO" && git -C "$REPO" init -q -b main
cat >"$REPO/nicsync.yaml" <<YAML
apiVersion: nicsync.io/v1alpha1
kind: Config
targets:
  - name: dc1
    kind: ovirt
    url: $OVIRT_URL
    caFile: $OVIRT_CA
    user: $OVIRT_USER
    passwordFile: $OVIRT_PASSWORD_FILE
policy:
  allowRestart: false
  stepTimeout: 30s
YAML
git -C "$REPO" add . && git -C "$REPO" commit -qm "the engine"
run import.log 0 import --repo "$REPO" --target dc1 --out "$REPO" --vm web-01 --vm web-02 --vm stuck
git -C "$REPO" add . && git -C "$REPO" commit -qm "imported"
expect_file() { grep -qF -- "$2" "$REPO/$1" || fail "$1 does not hold: $2"; }
expect_file dc1/web-01.yaml "vnicProfile: ovirtmgmt/ovirtmgmt"
run validate.log 0 validate --repo "$REPO"
run plan-imported.log 0 plan --repo "$REPO"
expect plan-imported.log "No changes."

say "changes: a NIC hotplugged, a link taken down live, a NIC configured on a VM that is down"
add() { printf '    - name: %s\n      network:\n        vnicProfile: %s\n' "$2" "$3" >>"$REPO/dc1/$1.yaml"; }
add web-01 eth1 lab-a/lab-a
add web-02 eth1 lab-b/lab-b
python3 - "$REPO/dc1/web-01.yaml" <<'PY'
import sys
p = sys.argv[1]
text = open(p).read().replace("      link: up\n", "      link: down\n", 1)
open(p, "w").write(text)
PY
git -C "$REPO" commit -qam "changes"
run plan.log 2 plan --repo "$REPO" --detailed-exitcode
expect plan.log "+ add eth1 (vnicProfile lab-a/lab-a, link up)"
expect plan.log "~ link nic1: up -> down"
expect plan.log "~ persist eth1 (vnicProfile lab-b/lab-b, link up)"
expect plan.log "only its persistent definition changes"
run apply.log 0 apply --repo "$REPO" --yes
[ "$(nics web-01)" = "nic1,eth1" ] || fail "web-01 has $(nics web-01)"
nic web-01 eth1 | grep -q " lab-a/lab-a true true$" || fail "web-01/eth1 is $(nic web-01 eth1)"
nic web-01 nic1 | grep -q " false true$" || fail "web-01/nic1 is $(nic web-01 nic1)"
nic web-02 eth1 | grep -q " lab-b/lab-b true true$" || fail "web-02/eth1 is not configured to start with the VM"
run plan-applied.log 0 plan --repo "$REPO"
expect plan-applied.log "No changes."

say "a model change the engine refuses on a plugged NIC: a restart, never done silently"
sed -i '/name: eth1/a\      model: e1000' "$REPO/dc1/web-01.yaml"
git -C "$REPO" commit -qam "web-01: eth1 becomes an e1000"
run plan-model.log 2 plan --repo "$REPO" --detailed-exitcode
expect plan-model.log "! restart required, bringing in eth1"
expect plan-model.log "made while the VM is down for a restart"
absent plan-model.log "~ persist eth1"
run apply-model.log 0 apply --repo "$REPO" --yes
nic web-01 eth1 | grep -q " virtio " || fail "eth1 changed without the restart: $(nic web-01 eth1)"
sed -i 's/allowRestart: false/allowRestart: true/' "$REPO/nicsync.yaml"
git -C "$REPO" commit -qam "restarts allowed"
run apply-restart.log 0 apply --repo "$REPO" --yes
nic web-01 eth1 | grep -q " e1000 " || fail "after the restart eth1 is $(nic web-01 eth1)"
[ "$(sim vm/web-01)" = "up" ] || fail "web-01 is $(sim vm/web-01) after the restart"

say "with replug: allow, the NIC is unplugged, changed and plugged back instead"
sed -i 's/allowRestart: true/allowRestart: false/; /passwordFile:/a\    replug: allow' "$REPO/nicsync.yaml"
sed -i 's/      model: e1000/      model: rtl8139/' "$REPO/dc1/web-01.yaml"
git -C "$REPO" commit -qam "replug allowed; eth1 becomes an rtl8139"
mac_before=$(nic web-01 eth1 | awk '{print $2}')
id_before=$(nic_id web-01 eth1)
run plan-replug.log 2 plan --repo "$REPO" --detailed-exitcode
expect plan-replug.log "- unplug eth1"
expect plan-replug.log "+ add eth1 (vnicProfile lab-a/lab-a, rtl8139"
expect plan-replug.log "it is unplugged, changed and plugged back, as the target allows"
absent plan-replug.log "restart required"
absent plan-replug.log "unpersist eth1"
run apply-replug.log 0 apply --repo "$REPO" --yes
nic web-01 eth1 | grep -q "^eth1 $mac_before rtl8139 lab-a/lab-a true true$" || fail "eth1 is $(nic web-01 eth1)"
[ "$(nic_id web-01 eth1)" = "$id_before" ] || fail "the replug gave eth1 a new engine id: $(nic_id web-01 eth1)"

say "a vNIC profile changed live: the same NIC, never unplugged"
sed -i '/name: eth1/,/vnicProfile:/ s|vnicProfile: lab-a/lab-a|vnicProfile: lab-b/lab-b|' "$REPO/dc1/web-01.yaml"
git -C "$REPO" commit -qam "web-01: eth1 moves to lab-b"
run plan-profile.log 2 plan --repo "$REPO" --detailed-exitcode
expect plan-profile.log "~ repoint eth1: vnicProfile lab-a/lab-a -> vnicProfile lab-b/lab-b"
absent plan-profile.log "unplug eth1"
run apply-profile.log 0 apply --repo "$REPO" --yes
nic web-01 eth1 | grep -q "^eth1 $mac_before rtl8139 lab-b/lab-b true true$" || fail "eth1 is $(nic web-01 eth1)"
[ "$(nic_id web-01 eth1)" = "$id_before" ] || fail "eth1 is another engine NIC after the profile change"

say "a step VDSM fails (error 49) rolls back the steps before it"
add web-01 eth2 lab-a/lab-a
add web-01 eth3 lab-broken/lab-broken
git -C "$REPO" commit -qam "web-01: eth2, and eth3 on a network VDSM cannot plug"
run apply-failed.log 3 apply --repo "$REPO" --yes
expect apply-failed.log "Failed to activate VM Network Interface"
expect apply-failed.log "VDSM error 49"
expect apply-failed.log "rolled back"
[ "$(nics web-01)" = "nic1,eth1" ] || fail "after the rollback web-01 has $(nics web-01)"
git -C "$REPO" revert --no-edit HEAD >/dev/null

say "an unplug the guest never releases (VDSM error 50) fails and is rolled back"
sed -i 's/^      persist: true$/      persist: true\n      state: absent/' "$REPO/dc1/stuck.yaml"
git -C "$REPO" commit -qam "stuck: nic1 goes"
run apply-stuck.log 3 apply --repo "$REPO" --yes
expect apply-stuck.log "Failed to deactivate VM Network Interface"
expect apply-stuck.log "VDSM error 50"
expect apply-stuck.log "rolled back"
nic stuck nic1 | grep -q " true true$" || fail "stuck/nic1 is $(nic stuck nic1)"
git -C "$REPO" revert --no-edit HEAD >/dev/null

say "an apply killed in the middle, recovered"
curl -sf -X POST --cacert "$OVIRT_CA" "$OVIRT_SIM/latency/1500" >/dev/null
for n in r1 r2 r3; do add web-01 "$n" lab-b/lab-b; done
git -C "$REPO" commit -qam "web-01: r1 r2 r3"
"$NICSYNC" apply --repo "$REPO" --yes --vm web-01 >"$WORK/apply-killed.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do grep -q "step 1 done" "$WORK/apply-killed.log" && break; sleep 0.1; done
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
sed 's/^/   | /' "$WORK/apply-killed.log"
grep -q "step 1 done" "$WORK/apply-killed.log" || fail "the apply did not get to its first step"
sleep 2 # the request the kill interrupted may still be answered by the engine
curl -sf -X POST --cacert "$OVIRT_CA" "$OVIRT_SIM/latency/0" >/dev/null
run recover.log 3 recover
expect recover.log "rolled back"
[ "$(nics web-01)" = "nic1,eth1" ] || fail "after recover web-01 has $(nics web-01)"
run recover-again.log 0 recover
expect recover-again.log "No interrupted apply to recover."

say "state: absent: carrier down, unplug, then removal"
git -C "$REPO" revert --no-edit HEAD >/dev/null # r1 r2 r3 are not wanted after all
sed -i '/name: eth1/a\      state: absent' "$REPO/dc1/web-01.yaml"
git -C "$REPO" commit -qam "web-01: eth1 goes"
run plan-absent.log 2 plan --repo "$REPO" --detailed-exitcode
expect plan-absent.log "- unplug eth1"
expect plan-absent.log "~ unpersist eth1"
run apply-absent.log 0 apply --repo "$REPO" --yes
[ "$(nics web-01)" = "nic1" ] || fail "after state: absent web-01 has $(nics web-01)"
run plan-absent-again.log 0 plan --repo "$REPO"
expect plan-absent-again.log "No changes."

say "what oVirt cannot do is refused by validate, each at its line"
cat >"$REPO/dc1/bad.yaml" <<YAML
apiVersion: nicsync.io/v1alpha1
kind: VmNics
metadata: {name: web-09, target: dc1}
spec:
  nics:
    - {name: a, network: {vnicProfile: lab-a/lab-a}, persist: false}
    - {name: b, network: {vnicProfile: lab-a/lab-a}, bootOrder: 1}
    - {name: c, network: {bridge: br0}}
YAML
git -C "$REPO" add . && git -C "$REPO" commit -qm bad
run validate-bad.log 1 validate --repo "$REPO"
expect validate-bad.log "dc1/bad.yaml:6:"
expect validate-bad.log "oVirt NICs are always part of the VM's configuration"
expect validate-bad.log "dc1/bad.yaml:7:"
expect validate-bad.log "the oVirt API has no boot order per NIC"
expect validate-bad.log "dc1/bad.yaml:8:"

say "every document the engine took and gave was valid against the oVirt API model"
problems=$(sim problems)
[ -z "$problems" ] || fail "documents that depart from the API model: $problems"
say "end-to-end: all stages passed"
