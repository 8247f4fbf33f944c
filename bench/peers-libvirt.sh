#!/usr/bin/env bash
# nicsync plan against the tools people use today, on the same defined libvirt domains (2 NICs each), each as
# whole processes, JVM start-up included:
#   nicsync plan     bin/nicsync plan: Git read, validation, observe, diff, plan (with its AOT/CDS archive), its
#                    cache directory filled by the runs before (the same commit: each file's checks are kept by
#                    blob id, so no file is read or parsed again), as a user who plans again runs it
#   nicsync plan, cold   the same with an empty cache directory: every file read and parsed
#   raw java         a small main class: listAllDomains + getXMLDesc of every domain (the Java floor), run as
#                    bin/nicsync runs a plan: its JVM options and a class-data archive of its own
#   raw java, JVM defaults   the same class as a plain java command: it pays for start-up and compilation
#                    what the launcher saves nicsync, so it flatters nicsync; printed for comparison
#   virsh dumpxml    one virsh process per domain, as admins script it
#   ansible get_xml  one ansible-playbook run looping community.libvirt.virt command=get_xml over the domains
# Needs the lab (scripts/lab.sh up, as root), and hyperfine and ansible (Debian packages; installed with
# apt-get when missing). Every domain it defines is removed afterwards.
#   bench/peers-libvirt.sh [COUNT]    default 200 domains; BENCH_RUNS (default 5) timed runs of each
# Prints each median; last lines: "virsh-loop/plan ratio: R" (how many times faster than the virsh loop nicsync
# plan is) and "plan/raw-java ratio: R", against the Java floor run as nicsync runs.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source scripts/lib/jdk.sh
source bench/lib.sh
COUNT=${1:-200}
RUNS=${BENCH_RUNS:-5}
URI=qemu:///system
PREFIX=bench-peer-

[[ "$("$ROOT/scripts/lab.sh" status)" == *"libvirtd running"* ]] || {
  echo "peers-libvirt: the lab is not up; run scripts/lab.sh up first" >&2; exit 1; }
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v ansible-playbook >/dev/null || missing+=(ansible)
/usr/bin/python3 -c 'import libvirt, lxml' 2>/dev/null || missing+=(python3-libvirt python3-lxml)
if [ ${#missing[@]} -gt 0 ]; then
  echo "peers-libvirt: installing ${missing[*]} ..." >&2
  apt-get install -y -q "${missing[@]}" >/dev/null
fi
ansible-doc community.libvirt.virt >/dev/null 2>&1 || {
  echo "peers-libvirt: the community.libvirt collection is missing from this ansible" >&2; exit 1; }

WORK=$(mktemp -d)
names() { for i in $(seq -f '%03g' 0 $((COUNT - 1))); do echo "$PREFIX$i"; done; }
remove_domains() {
  local d
  for d in $(virsh -q -c "$URI" list --all --name | grep "^$PREFIX" || true); do
    virsh -q -c "$URI" undefine "$d" >/dev/null 2>&1 || true
  done
}
trap 'remove_domains; rm -rf "$WORK"' EXIT
remove_domains

echo "building ..." >&2
bench_build
NICSYNC_NO_BUILD=0 bin/nicsync --version >/dev/null # builds bin/nicsync's jars when the sources changed

# The domains: stopped, two NICs each, named by user aliases as nicsync names them.
i=0
for d in $(names); do
  mac=$(printf '52:54:00:be:%02x:%02x' $((i / 256)) $((i % 256)))
  cat >"$WORK/domain.xml" <<XML
<domain type='qemu'>
  <name>$d</name>
  <memory unit='MiB'>64</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices>
    <interface type='bridge'>
      <source bridge='br-lab0'/><model type='virtio'/><alias name='ua-uplink'/>
    </interface>
    <interface type='network'>
      <mac address='$mac'/><source network='lab'/><model type='virtio'/><alias name='ua-backend'/>
    </interface>
    <memballoon model='none'/>
  </devices>
</domain>
XML
  virsh -q -c "$URI" define "$WORK/domain.xml" >/dev/null
  i=$((i + 1))
done

# The desired state of those domains: what they have, so the plan is "No changes." after a full diff.
mkdir -p "$WORK/repo/vms"
printf 'apiVersion: nicsync.io/v1alpha1\nkind: Config\ntargets:\n  - name: lab\n    kind: libvirt\n    uri: %s\n' \
  "$URI" >"$WORK/repo/nicsync.yaml"
for d in $(names); do
  cat >"$WORK/repo/vms/$d.yaml" <<YAML
apiVersion: nicsync.io/v1alpha1
kind: VmNics
metadata: {name: $d, target: lab}
spec:
  nics:
    - name: uplink
      network: {bridge: br-lab0}
    - name: backend
      network: {network: lab}
YAML
done
git -C "$WORK/repo" init -q -b main
git -C "$WORK/repo" add -A
git -C "$WORK/repo" -c user.name=bench -c user.email=bench@example.org commit -q -m "$COUNT domains"

# The Ansible loop: one play, one get_xml task looping over the domains.
names >"$WORK/domains.txt"
cat >"$WORK/get_xml.yml" <<YAML
- hosts: localhost
  connection: local
  gather_facts: false
  tasks:
    - community.libvirt.virt:
        command: get_xml
        name: "{{ item }}"
        uri: $URI
      loop: "{{ lookup('file', '$WORK/domains.txt').splitlines() }}"
YAML

plan_cmd="NICSYNC_NO_BUILD=1 NICSYNC_CACHE_DIR=$WORK/cache $ROOT/bin/nicsync plan --repo $WORK/repo"
cold_cmd="rm -rf $WORK/cold && NICSYNC_NO_BUILD=1 NICSYNC_CACHE_DIR=$WORK/cold $ROOT/bin/nicsync plan --repo $WORK/repo"
out=$(bench_train_launcher "$plan_cmd")
echo "$out" | grep -q "No changes." || { echo "peers-libvirt: the plan is not 'No changes.':" >&2; echo "$out" >&2; exit 1; }

raw=(io.nicsync.bench.RawLibvirtXml "$URI")
bench_java_baseline raw "${raw[@]}"
raw_cmd="${bench_baseline[*]}"
plain_cmd="$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED -cp $BENCH_CP ${raw[*]}"
virsh_cmd="for d in \$(cat $WORK/domains.txt); do virsh -q -c $URI dumpxml \$d >/dev/null; done"
ansible_cmd="ANSIBLE_STDOUT_CALLBACK=null ansible-playbook -i localhost, -e ansible_python_interpreter=/usr/bin/python3 $WORK/get_xml.yml"

hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORK/times.json" \
  -n "nicsync plan" "$plan_cmd" -n "nicsync plan, cold" "$cold_cmd" \
  -n "raw java" "$raw_cmd" -n "raw java, JVM defaults" "$plain_cmd" \
  -n "virsh dumpxml" "$virsh_cmd" \
  -n "ansible get_xml" "$ansible_cmd" >&2

python3 - "$WORK/times.json" "$COUNT" <<'PY'
import json, sys
results = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
print(f"{sys.argv[2]} defined domains with 2 NICs each; median wall time of whole processes:")
for name, median in results.items():
    print(f"  {name}: {median * 1000:.0f} ms")
print(f"plan/raw-java (JVM defaults) ratio: {results['nicsync plan'] / results['raw java, JVM defaults']:.2f}")
print(f"cold plan/raw-java ratio: {results['nicsync plan, cold'] / results['raw java']:.2f}")
print(f"virsh-loop/plan ratio: {results['virsh dumpxml'] / results['nicsync plan']:.2f}")
print(f"plan/raw-java ratio: {results['nicsync plan'] / results['raw java']:.2f}")
PY
