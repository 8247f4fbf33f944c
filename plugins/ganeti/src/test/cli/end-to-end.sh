#!/usr/bin/env bash
# The whole command-line path against the Ganeti lab (plugins/ganeti/lab/ganeti.sh up first, as root): a desired-state
# Git repository made by `nicsync import`, then plan, apply, a change deferred to a restart, a failed unplug rolled
# back, an apply killed mid-way and recovered, and validation of what Ganeti cannot do. Each stage checks what
# nicsync prints and what Ganeti has. Creates its own it-e2e-* instances and removes them at the end.
#   plugins/ganeti/src/test/cli/end-to-end.sh        (about six minutes; the end-to-end suite runs it: PluginEndToEndIT)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../../../.." && pwd)
LAB=$ROOT/plugins/ganeti/lab/ganeti.sh
NICSYNC=$ROOT/bin/nicsync
STATE=${NICSYNC_GANETI_STATE:-/var/lib/nicsync-ganeti}
[ -f "$STATE/rapi.env" ] || { echo "end-to-end: the Ganeti lab is not up: run plugins/ganeti/lab/ganeti.sh up" >&2; exit 1; }
# shellcheck disable=SC1091
. "$STATE/rapi.env"
WORK=$(mktemp -d)
export NICSYNC_STATE_DIR=$WORK/state
# The plugin is one jar: where the distribution does not bundle it yet, bin/nicsync takes it from a plugins
# directory, as it takes any third-party plugin.
if ! grep -q nicsync-plugin-ganeti "$ROOT/dist/pom.xml"; then
  (cd "$ROOT" && . scripts/lib/jdk.sh && mvn -q -B -pl plugins/ganeti -am package -DskipTests >/dev/null 2>&1)
  mkdir -p "$WORK/plugins.d" && cp "$ROOT"/plugins/ganeti/target/nicsync-plugin-ganeti-*.jar "$WORK/plugins.d/"
  export NICSYNC_PLUGINS=$WORK/plugins.d
fi
REPO=$WORK/repo
INSTANCES=(it-e2e-web.ganeti.test it-e2e-noacpi.ganeti.test it-e2e-noos.ganeti.test it-e2e-off.ganeti.test)

say() { echo "== $*"; }
fail() { echo "end-to-end: FAILED: $*" >&2; exit 1; }
job() { # METHOD PATH [BODY]: a RAPI change through the lab, followed to its end
  local id status
  id=$("$LAB" rapi "$@" | tr -d '"[:space:]')
  for _ in $(seq 1 600); do
    status=$("$LAB" rapi GET "/2/jobs/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    case "$status" in success) return 0 ;; error|canceled) fail "job $id for $*: $status" ;; esac
    sleep 0.3
  done
  fail "job $id for $* did not end"
}
create() { # NAME START EXTRA-HVPARAMS
  local con=$NICSYNC_GANETI_CONSOLE_DIR/$1.log
  rm -f "$con"
  job POST /2/instances "{\"__version__\": 1, \"mode\": \"create\", \"name\": \"$1\", \"disk_template\": \"diskless\",
    \"disks\": [], \"nics\": [{\"link\": \"gnt-br0\", \"name\": \"eth0\"}], \"os_type\": \"noop\",
    \"pnode\": \"$NICSYNC_GANETI_NODE\", \"name_check\": false, \"ip_check\": false, \"start\": $2,
    \"beparams\": {\"memory\": 128, \"vcpus\": 1}, \"hvparams\": {\"kvm_extra\": \"-serial file:$con\" $3}}"
}
nics() { "$LAB" exec gnt-instance list --no-headers -o nic.names "$1" | tr -d "[]' "; }
cleanup() {
  for i in "${INSTANCES[@]}"; do
    "$LAB" exec gnt-instance remove -f --shutdown-timeout=0 "$i" >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
run() { # LOG EXPECTED-EXIT nicsync ARGS...: runs nicsync, keeps its output, checks its exit code
  local log=$WORK/$1 want=$2 rc=0
  shift 2
  "$NICSYNC" "$@" >"$log" 2>&1 || rc=$?
  sed 's/^/   | /' "$log"
  [ "$rc" = "$want" ] || fail "nicsync $* exited $rc, not $want"
}
expect() { grep -qF -- "$2" "$WORK/$1" || fail "$1 does not say: $2"; }

say "instances: a kernel guest, one without ACPI (no hotplug), one without an OS, a stopped one"
create it-e2e-web.ganeti.test true ""
create it-e2e-noacpi.ganeti.test true ', "acpi": false'
create it-e2e-noos.ganeti.test true ', "kernel_path": "", "initrd_path": ""'
create it-e2e-off.ganeti.test false ""
for _ in $(seq 1 120); do
  grep -q nicsync-ganeti-guest-ready "$NICSYNC_GANETI_CONSOLE_DIR/it-e2e-web.ganeti.test.log" 2>/dev/null && break
  sleep 0.5
done

say "a desired-state repository for the lab's cluster, filled by nicsync import"
mkdir -p "$REPO" && git -C "$REPO" init -q -b main
cat >"$REPO/nicsync.yaml" <<YAML
apiVersion: nicsync.io/v1alpha1
kind: Config
targets:
  - name: gnt
    kind: ganeti
    rapi: $NICSYNC_GANETI_RAPI_HOST_URL
    caFile: $NICSYNC_GANETI_RAPI_CA
    user: $NICSYNC_GANETI_RAPI_USER
    passwordFile: $NICSYNC_GANETI_RAPI_PASSWORD_FILE
policy:
  allowRestart: false
  stepTimeout: 60s
YAML
git -C "$REPO" add . && git -C "$REPO" commit -qm "the lab's Ganeti cluster"
# The repository names the cluster and the files of its credentials: the operator allows them (a Deployment would
# set these in its environment too). The name the certificate carries decides whom nicsync trusts with the password:
# the operator's alone, given on the command line of every command that reaches the cluster.
export NICSYNC_ALLOW_ENDPOINTS="$NICSYNC_GANETI_RAPI_HOST_URL"
export NICSYNC_ALLOW_FILES="$NICSYNC_GANETI_RAPI_CA,$NICSYNC_GANETI_RAPI_PASSWORD_FILE"
TLS=(--target-setting "gnt.tlsName=$NICSYNC_GANETI_RAPI_CERT_HOSTNAME")
for i in "${INSTANCES[@]}"; do vms+=(--vm "$i"); done
run import.log 0 import --repo "$REPO" --target gnt --out "$REPO" "${vms[@]}" \
  --setting "tlsName=$NICSYNC_GANETI_RAPI_CERT_HOSTNAME"
git -C "$REPO" add . && git -C "$REPO" commit -qm "imported"
run plan-imported.log 0 plan --repo "$REPO" "${TLS[@]}"
expect plan-imported.log "No changes."

say "changes: a NIC added, eth0 moved onto a Ganeti network, a NIC where Ganeti cannot hotplug, one on a stopped instance"
nic() { printf '    - name: %s\n      network:\n        %s: %s\n' "$@"; }
nic uplink bridge gnt-br1 >>"$REPO/gnt/it-e2e-web.ganeti.test.yaml"
sed -i 's/^        bridge: gnt-br0$/        network: labnet/' "$REPO/gnt/it-e2e-web.ganeti.test.yaml"
nic late bridge gnt-br1 >>"$REPO/gnt/it-e2e-noacpi.ganeti.test.yaml"
nic cfg bridge gnt-br1 >>"$REPO/gnt/it-e2e-off.ganeti.test.yaml"
nic stuck bridge gnt-br1 >>"$REPO/gnt/it-e2e-noos.ganeti.test.yaml"
git -C "$REPO" commit -qam "changes"
run plan.log 2 plan --repo "$REPO" --detailed-exitcode "${TLS[@]}"
expect plan.log "~ repoint eth0: bridge gnt-br0 -> network labnet"
expect plan.log "+ add uplink (bridge gnt-br1, link up)"
expect plan.log "! restart required, bringing in late"
expect plan.log "hotplug unsupported: acpi is off"
run apply.log 0 apply --repo "$REPO" --yes "${TLS[@]}"
[ "$(nics it-e2e-web.ganeti.test)" = "eth0,uplink" ] || fail "web has $(nics it-e2e-web.ganeti.test)"
[ "$(nics it-e2e-off.ganeti.test)" = "eth0,cfg" ] || fail "off has $(nics it-e2e-off.ganeti.test)"
say "the NIC waiting for the restart is in Ganeti's configuration, not in the VM, and the next plan says so"
[ "$(nics it-e2e-noacpi.ganeti.test)" = "eth0,late" ] || fail "noacpi has $(nics it-e2e-noacpi.ganeti.test)"
run plan-after.log 2 plan --repo "$REPO" --detailed-exitcode "${TLS[@]}"
expect plan-after.log "! restart required, bringing in late"

say "restarts allowed: the hard reboot brings it in"
sed -i 's/allowRestart: false/allowRestart: true/' "$REPO/nicsync.yaml"
git -C "$REPO" commit -qam "restarts allowed"
run apply-restart.log 0 apply --repo "$REPO" --yes "${TLS[@]}"
run plan-restarted.log 0 plan --repo "$REPO" "${TLS[@]}"
expect plan-restarted.log "No changes."

say "an unplug the guest never acknowledges: failed and rolled back, then the restart it needs"
sed -i '/name: stuck/,$ s/^        bridge: gnt-br1$/        bridge: gnt-br1\n      state: absent/' \
  "$REPO/gnt/it-e2e-noos.ganeti.test.yaml"
sed -i 's/allowRestart: true/allowRestart: false/' "$REPO/nicsync.yaml"
git -C "$REPO" commit -qam "noos: stuck goes"
run apply-unplug.log 3 apply --repo "$REPO" --yes "${TLS[@]}"
expect apply-unplug.log "the guest did not release the device"
expect apply-unplug.log "rolled back"
run plan-unplug.log 2 plan --repo "$REPO" --detailed-exitcode "${TLS[@]}"
expect plan-unplug.log "stuck leaves only at restart"

say "an apply killed in the middle, recovered"
for n in r1 r2 r3; do nic "$n" bridge gnt-br0 >>"$REPO/gnt/it-e2e-web.ganeti.test.yaml"; done
git -C "$REPO" commit -qam "web: r1 r2 r3"
"$NICSYNC" apply --repo "$REPO" --yes --vm it-e2e-web.ganeti.test "${TLS[@]}" >"$WORK/apply-killed.log" 2>&1 &
pid=$!
for _ in $(seq 1 200); do grep -q "step 1 done" "$WORK/apply-killed.log" && break; sleep 0.1; done
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
sed 's/^/   | /' "$WORK/apply-killed.log"
sleep 4 # the step the kill interrupted may still run as a Ganeti job
run recover.log 3 recover "${TLS[@]}"
expect recover.log "rolled back"
[ "$(nics it-e2e-web.ganeti.test)" = "eth0,uplink" ] || fail "after recover web has $(nics it-e2e-web.ganeti.test)"
run recover-again.log 0 recover "${TLS[@]}"
expect recover-again.log "No interrupted apply to recover."

say "what Ganeti cannot do is refused by validate and by plan, each at its line, before any target is read"
cat >"$REPO/gnt/bad.yaml" <<YAML
apiVersion: nicsync.io/v1alpha1
kind: VmNics
metadata: {name: it-e2e-nowhere.ganeti.test, target: gnt}
spec:
  nics:
    - {name: a, network: {bridge: gnt-br0}, link: down}
    - {name: b, network: {bridge: gnt-br0}, persist: false}
YAML
git -C "$REPO" add . && git -C "$REPO" commit -qm bad
run validate.log 1 validate --repo "$REPO"
expect validate.log "gnt/bad.yaml:6:51: error: Ganeti NICs have no link state"
expect validate.log "gnt/bad.yaml:7:54: error: Ganeti keeps one configuration per instance"
run plan-bad.log 1 plan --repo "$REPO" "${TLS[@]}"
expect plan-bad.log "gnt/bad.yaml:6:51: error: Ganeti NICs have no link state"
expect plan-bad.log "gnt/bad.yaml:7:54: error: Ganeti keeps one configuration per instance"
if grep -qE '^[-+~>!] ' "$WORK/plan-bad.log"; then fail "a plan of a state Ganeti cannot have lists steps"; fi
say "end-to-end: all stages passed"
