#!/usr/bin/env bash
# A real single-node Ganeti 3.0 cluster (Debian's `ganeti` package) with the KVM hypervisor, confined to a
# network namespace of its own, for testing NIC hotplug through Ganeti's RAPI.
#
#   ganeti.sh up        install what is missing, create the namespace, bridges and hosts file, initialise the
#                       cluster, start its daemons, ensure the RAPI user, two Ganeti networks and a running
#                       test instance
#   ganeti.sh down      remove all instances, destroy the cluster, stop the daemons and forwarders, delete the
#                       namespace (keeps packages and the kernel/initramfs cache in $STATE/kernel)
#   ganeti.sh purge     down, then also delete $STATE (kernel cache, password, CA copy)
#   ganeti.sh status    print what is there
#   ganeti.sh rapi METHOD PATH [JSON]   call RAPI from inside the namespace (certificate verified)
#   ganeti.sh exec CMD...               run a command (gnt-instance, ...) inside the namespace
#
# Every command is idempotent. Must run as root, on Debian 12, without systemd.
#
# Layout (all addresses live only inside the namespace $NS):
#   namespace nicsync-ganeti: lo, bridge gnt-br0 (node 192.0.2.10/24, master IP 192.0.2.100 added by Ganeti),
#   bridge gnt-br1 (no address, a second link to move NICs to). Names resolve through /etc/netns/$NS/hosts.
#   RAPI: https://ganeti.example.com:5080 inside the namespace, bound to the node's address 192.0.2.10 (RAPI_ARGS
#   in /etc/default/ganeti; Debian's default binds 127.0.0.1); the certificate is self-signed with
#   CN=ganeti.example.com and no SAN.
#   Optional forwarder on the host's loopback: 127.0.0.1:$FORWARD_PORT -> unix socket -> namespace
#   192.0.2.10:5080 (same certificate, so a client must expect CN ganeti.example.com).
#   Ganeti networks: labnet (10.99.0.0/24, bridged on gnt-br1, the cluster's MAC prefix) and prefnet
#   (10.98.0.0/24, bridged on gnt-br0, MAC prefix aa:99:00), connected to the node group "default".
#   $STATE/rapi.env lists everything a test needs (URL, user, password file, CA file, instance, bridges, networks).
# nicsync's integration tests (plugins/ganeti/src/test/java/**/*IT.java) create their own instances named it-*;
# `up` removes any that a killed test run left behind.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
NS=${NICSYNC_GANETI_NETNS:-nicsync-ganeti}
STATE=${NICSYNC_GANETI_STATE:-/var/lib/nicsync-ganeti}
DOMAIN=ganeti.test
SUBNET_PREFIX=192.0.2
NODE_IP=$SUBNET_PREFIX.10
CLUSTER_IP=$SUBNET_PREFIX.100
CLUSTER=cluster.$DOMAIN
BR0=gnt-br0
BR1=gnt-br1
INSTANCE=${NICSYNC_GANETI_INSTANCE:-test1.$DOMAIN}
RAPI_USER=nicsync
RAPI_READ_USER=nicsync-read
RAPI_PORT=5080
RAPI_CERT_CN=ganeti.example.com # what Ganeti 3.0 puts into every certificate it generates
FORWARD_PORT=${NICSYNC_GANETI_FORWARD_PORT:-15080} # 0 = no forwarder on the host's loopback
ACCEL=${NICSYNC_GANETI_ACCEL:-auto}                 # auto | kvm | tcg
PACKAGES=(ganeti ganeti-os-noop qemu-system-x86 busybox-static cpio socat curl iproute2 xz-utils openssl)
# name:subnet:bridge[:mac prefix]
NETWORKS=(labnet:10.99.0.0/24:$BR1 prefnet:10.98.0.0/24:$BR0:aa:99:00)
# In daemon-util's start order; kvmd exits at once without user shutdown, mond is optional, metad on demand.
DAEMONS=(ganeti-noded ganeti-confd ganeti-wconfd ganeti-rapi ganeti-luxid)
DAEMON_UTIL=/usr/lib/ganeti/daemon-util
GUEST_INIT="$HERE/guest-init"
# Kernel modules the guest loads (with their dependencies): the virtio NIC driver, so hot-added NICs show up as
# ethN, and the ACPI button + evdev, so the guest powers off on system_powerdown (Ganeti's clean shutdown).
GUEST_MODULES=(virtio_pci virtio_net button evdev)

T0=$(date +%s.%N)
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
log() { echo "ganeti-lab: [$(elapsed "$T0") s] $*" >&2; }
die() { echo "ganeti-lab: $*" >&2; exit 1; }
nsx() { ip netns exec "$NS" "$@"; }
node_name() { echo "$(hostname -s).$DOMAIN"; }
ns_exists() { [ -e "/run/netns/$NS" ]; }
cluster_exists() { [ -f /var/lib/ganeti/config.data ]; }
now() { date +%s.%N; }

# ---------------------------------------------------------------------------------------------------- packages
install_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" == *"ok installed"* ]] || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "installing ${missing[*]}"
  # The packages' maintainer scripts would start sshd and Ganeti's daemons in the host's network namespace
  # through invoke-rc.d: forbid that for the duration of the install (unless a policy already exists).
  local policy=/usr/sbin/policy-rc.d own_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod 755 "$policy"; own_policy=1
  fi
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
  [ $own_policy -eq 1 ] && rm -f "$policy"
  return 0
}

# ------------------------------------------------------------------------------------------- kernel, initramfs
# The guest: the current Debian kernel, booted directly (kernel_path/initrd_path) with a busybox initramfs.
fetch_kernel() {
  local kdir=$STATE/kernel
  [ -f "$kdir/vmlinuz" ] && [ -f "$kdir/modules/load-order" ] && return
  local pkg work
  pkg=$(apt-cache depends linux-image-amd64 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -1)
  if [ -z "$pkg" ]; then
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    pkg=$(apt-cache depends linux-image-amd64 | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -1)
  fi
  [ -n "$pkg" ] || die "cannot find the Debian kernel package (apt-cache depends linux-image-amd64)"
  log "fetching kernel $pkg"
  work=$(mktemp -d)
  chmod 755 "$work" # apt downloads as its own user _apt
  (cd "$work" && apt-get download -qq "$pkg" >/dev/null 2>&1)
  dpkg-deb --fsys-tarfile "$work"/*.deb | tar -x -C "$work" --wildcards './boot/vmlinuz-*' './lib/modules/*/kernel/drivers/virtio/*' \
    './lib/modules/*/kernel/drivers/net/*' './lib/modules/*/kernel/net/core/*' './lib/modules/*/kernel/drivers/acpi/*' \
    './lib/modules/*/kernel/drivers/input/*' 2>/dev/null || true
  local mroot
  mroot=$(echo "$work"/lib/modules/*)
  [ -d "$mroot" ] || die "no modules found in $pkg"
  rm -rf "$kdir.tmp"; mkdir -p "$kdir.tmp/modules"
  cp "$work"/boot/vmlinuz-* "$kdir.tmp/vmlinuz"
  # Resolve module dependencies from each module's .modinfo section (no kmod/depmod needed).
  local order=() seen=" "
  add_module() {
    local m=$1 f d
    case "$seen" in *" $m "*) return ;; esac
    seen="$seen$m "
    f=$(find "$mroot" \( -name "$m.ko" -o -name "$m.ko.xz" \) | head -1)
    [ -n "$f" ] || die "kernel module $m not found in $pkg"
    case "$f" in *.xz) xz -dc "$f" >"$kdir.tmp/modules/$m.ko" ;; *) cp "$f" "$kdir.tmp/modules/$m.ko" ;; esac
    for d in $(tr '\0' '\n' <"$kdir.tmp/modules/$m.ko" | sed -n 's/^depends=//p' | tr ',' ' '); do add_module "$d"; done
    order+=("$m")
  }
  local m
  for m in "${GUEST_MODULES[@]}"; do add_module "$m"; done
  printf '%s\n' "${order[@]}" >"$kdir.tmp/modules/load-order"
  echo "$pkg" >"$kdir.tmp/package"
  rm -rf "$kdir"; mv "$kdir.tmp" "$kdir"
  rm -rf "$work"
}

build_initramfs() {
  # Rebuilt whenever guest/init changes, so guests never boot a stale userland.
  [ -f "$STATE/initrd.cpio.gz" ] && cmp -s "$GUEST_INIT" "$STATE/init" && return
  log "building busybox initramfs"
  local root
  root=$(mktemp -d)
  mkdir -p "$root/bin" "$root/proc" "$root/sys" "$root/dev" "$root/lib/modules"
  cp /bin/busybox "$root/bin/busybox"
  cp "$STATE"/kernel/modules/* "$root/lib/modules/"
  install -m 0755 "$GUEST_INIT" "$root/init"
  (cd "$root" && find . | cpio -o -H newc --quiet | gzip -9) >"$STATE/initrd.cpio.gz.tmp"
  mv "$STATE/initrd.cpio.gz.tmp" "$STATE/initrd.cpio.gz"
  cp "$GUEST_INIT" "$STATE/init"
  rm -rf "$root"
}

# /dev/kvm may exist and still not run a guest (nested virtualisation): boot the guest once with KVM and use
# it only if it reaches its ready line within 10 s (a KVM boot takes 1-2 s, a TCG boot about 9 s).
detect_accel() {
  case "$ACCEL" in kvm|tcg) echo "$ACCEL" >"$STATE/accel"; return ;; esac
  [ -f "$STATE/accel" ] && return
  local result=tcg
  if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then
    log "checking whether a KVM guest boots here (up to 10 s)"
    local con pidf i
    con=$(mktemp); pidf=$(mktemp -u)
    qemu-system-x86_64 -machine pc,accel=kvm -m 128 -display none -monitor none -no-reboot -daemonize \
      -pidfile "$pidf" -kernel "$STATE/kernel/vmlinuz" -initrd "$STATE/initrd.cpio.gz" \
      -append "console=ttyS0 quiet" -serial "file:$con" >/dev/null 2>&1 || true
    for i in $(seq 1 20); do
      grep -q nicsync-ganeti-guest-ready "$con" 2>/dev/null && { result=kvm; break; }
      sleep 0.5
    done
    [ -f "$pidf" ] && kill "$(cat "$pidf")" 2>/dev/null || true
    rm -f "$con" "$pidf"
  fi
  log "guests run with $result"
  echo "$result" >"$STATE/accel"
}

# ------------------------------------------------------------------------------------------- namespace, hosts
create_namespace() {
  ns_exists || { log "creating network namespace $NS"; ip netns add "$NS"; }
  ip -n "$NS" link set lo up
  local br
  for br in "$BR0" "$BR1"; do
    ip -n "$NS" link show "$br" >/dev/null 2>&1 || ip -n "$NS" link add "$br" type bridge
    ip -n "$NS" link set "$br" up
  done
  # (no `ip ... | grep -q` anywhere: with pipefail, grep exiting early makes ip die of SIGPIPE -> false negative)
  [[ "$(ip -n "$NS" -4 addr show dev "$BR0")" == *" $NODE_IP/"* ]] || ip -n "$NS" addr add "$NODE_IP/24" dev "$BR0"
  # `ip netns exec` bind-mounts this file over /etc/hosts: the node name must resolve to an address the node
  # owns (not loopback), the cluster name to the (not yet active) master IP.
  local short names hosts
  short=$(hostname -s); names="$short.$DOMAIN $short"
  [ "$(hostname)" != "$short" ] && names="$names $(hostname)"
  mkdir -p "/etc/netns/$NS"
  hosts="127.0.0.1 localhost
::1 localhost ip6-localhost ip6-loopback
$NODE_IP $names
$CLUSTER_IP $CLUSTER cluster"
  [ "$(cat "/etc/netns/$NS/hosts" 2>/dev/null)" = "$hosts" ] || echo "$hosts" >"/etc/netns/$NS/hosts"
}

# ------------------------------------------------------------------------------------------------- daemons
ns_inode() { stat -L -c %i "/run/netns/$NS" 2>/dev/null; }
pid_of() { # daemon name -> pid if its pid file names a live process of that name
  local f=/var/run/ganeti/$1.pid pid
  [ -f "$f" ] || return 1
  pid=$(cat "$f" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ -d "/proc/$pid" ] || return 1
  # python daemons show as python3 in comm; match the command line instead
  [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)" == *"$1"* ]] || return 1
  echo "$pid"
}
daemon_ok() { # running, and inside our namespace
  local pid
  pid=$(pid_of "$1") || return 1
  [ "$(stat -L -c %i "/proc/$pid/ns/net" 2>/dev/null)" = "$(ns_inode)" ]
}
remove_stale_pidfiles() {
  local f d
  for f in /var/run/ganeti/ganeti-*.pid; do
    [ -e "$f" ] || continue
    d=$(basename "$f" .pid)
    pid_of "$d" >/dev/null || { log "removing stale pid file $f"; rm -f "$f"; }
  done
}
# RAPI listens on the node's address inside the namespace, not on Debian's default 127.0.0.1. A ganeti-rapi started
# with other arguments (by an earlier lab) is stopped here, and start_daemons starts it again with these.
RAPI_ARGS_WANTED="-b $NODE_IP --require-authentication"
ensure_rapi_args() {
  local f=/etc/default/ganeti pid
  if ! grep -qxF "RAPI_ARGS=\"$RAPI_ARGS_WANTED\"" "$f" 2>/dev/null; then
    log "RAPI to listen on $NODE_IP ($f)"
    if grep -q '^RAPI_ARGS=' "$f" 2>/dev/null; then
      sed -i "s|^RAPI_ARGS=.*|RAPI_ARGS=\"$RAPI_ARGS_WANTED\"|" "$f"
    else
      echo "RAPI_ARGS=\"$RAPI_ARGS_WANTED\"" >>"$f"
    fi
  fi
  pid=$(pid_of ganeti-rapi) || return 0
  [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline")" == *" -b $NODE_IP "* ]] && return
  log "restarting ganeti-rapi to listen on $NODE_IP"
  "$DAEMON_UTIL" stop ganeti-rapi >/dev/null 2>&1 || true
}
start_daemons() {
  local d bad=()
  for d in "${DAEMONS[@]}"; do
    if pid_of "$d" >/dev/null && ! daemon_ok "$d"; then bad+=("$d"); fi
  done
  if [ ${#bad[@]} -gt 0 ]; then
    # e.g. started by the package, a watcher, or in a namespace that was deleted since
    log "daemons running outside namespace $NS: ${bad[*]}; restarting them inside it"
    "$DAEMON_UTIL" stop-all >/dev/null 2>&1 || true
  fi
  remove_stale_pidfiles
  # Start only the missing ones: `daemon-util start-all` fails (exit 2) as soon as one daemon runs whose pid
  # file belongs to its non-root user: "start-stop-daemon: matching only on non-root pidfile ... is insecure".
  for d in "${DAEMONS[@]}"; do
    daemon_ok "$d" && continue
    log "starting $d in $NS"
    nsx "$DAEMON_UTIL" start "$d"
    local i
    for i in $(seq 1 25); do daemon_ok "$d" && break; sleep 0.2; done
    daemon_ok "$d" || die "$d did not start (see /var/log/ganeti/)"
  done
}
wait_for_master() {
  local i
  for i in $(seq 1 60); do
    nsx gnt-cluster getmaster >/dev/null 2>&1 && return
    sleep 0.5
  done
  die "the cluster does not answer (gnt-cluster getmaster)"
}
ensure_master_ip() {
  [[ "$(ip -n "$NS" -4 addr show dev "$BR0")" == *" $CLUSTER_IP/"* ]] && return
  log "activating master IP $CLUSTER_IP"
  nsx gnt-cluster activate-master-ip >/dev/null
}

# ------------------------------------------------------------------------------------------------- cluster
init_cluster() {
  if cluster_exists; then
    local master
    master=$(cat /var/lib/ganeti/ssconf_master_node 2>/dev/null || true)
    [ "$master" = "$(node_name)" ] || die "a Ganeti cluster with master '$master' exists here, not $(node_name): run '$0 down' first"
    return
  fi
  # Leftovers of an earlier cluster (or of the package's own start attempts) make init fail.
  "$DAEMON_UTIL" stop-all >/dev/null 2>&1 || true
  remove_stale_pidfiles
  local kvm_flag=disabled kvm_path=/usr/bin/qemu-system-x86_64
  [ "$(cat "$STATE/accel")" = kvm ] && kvm_flag=enabled
  log "initialising cluster $CLUSTER on $(node_name)"
  # --no-ssh-init: a single node needs no SSH (leaves /root/.ssh alone); --no-etc-hosts: names come from
  # /etc/netns/$NS/hosts. diskless needs no storage set-up. The guest console is on ttyS1 because Ganeti puts
  # "-serial none" first when serial_console is off; each instance adds "-serial file:..." in kvm_extra.
  nsx gnt-cluster init --no-ssh-init --no-etc-hosts \
    --enabled-hypervisors=kvm --enabled-disk-templates=diskless \
    --master-netdev="$BR0" --master-netmask=24 \
    --nic-parameters="mode=bridged,link=$BR0" \
    -H "kvm:kvm_path=$kvm_path,kvm_flag=$kvm_flag,virtio_net_queues=1,machine_version=pc,acpi=true,kernel_path=$STATE/vmlinuz,initrd_path=$STATE/initrd.cpio.gz,kernel_args=console=ttyS1 panic=-1,serial_console=false,vnc_bind_address=,use_chroot=false,security_model=none" \
    "$CLUSTER"
}
pause_watcher() {
  # No cron here, but if one runs the watcher it would (re)start daemons outside the namespace.
  nsx gnt-cluster watcher pause 52w >/dev/null 2>&1 || true
}

ensure_networks() {
  local spec name subnet link prefix have
  have=" $(nsx gnt-network list --no-headers -o name 2>/dev/null | tr '\n' ' ') "
  for spec in "${NETWORKS[@]}"; do
    IFS=: read -r name subnet link prefix <<<"$spec" # the last one takes the rest: aa:99:00
    [[ "$have" == *" $name "* ]] && continue
    log "adding Ganeti network $name ($subnet on $link${prefix:+, MAC prefix $prefix})"
    nsx gnt-network add --network="$subnet" ${prefix:+--mac-prefix="$prefix"} "$name" >/dev/null
    nsx gnt-network connect --nic-parameters="mode=bridged,link=$link" "$name" default >/dev/null
  done
}

# Instances of killed integration test runs (it-*): removed, so that none holds a MAC or a slot the next run wants.
remove_leftovers() {
  local i
  for i in $(nsx gnt-instance list --no-headers -o name 2>/dev/null | grep '^it-' || true); do
    log "removing leftover test instance $i"
    nsx gnt-instance remove -f --shutdown-timeout=0 "$i" >/dev/null || true
    rm -f "$STATE/console/$i.log"
  done
}

# ---------------------------------------------------------------------------------------------------- RAPI
rapi_password() { cat "$STATE/rapi-password"; }
# One line of the RAPI users file: USER {HA1}md5("USER:Ganeti Remote API:PASSWORD") [write].
ensure_rapi_line() { # USER PASSWORD-FILE OPTIONS
  local user=$1 file=$2 options=$3 ha1 line users=/var/lib/ganeti/rapi/users
  [ -s "$file" ] || { (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$file"); }
  ha1=$(printf '%s' "$user:Ganeti Remote API:$(cat "$file")" | md5sum | cut -d' ' -f1)
  line="$user {HA1}$ha1${options:+ $options}"
  if ! grep -qxF "$line" "$users" 2>/dev/null; then
    log "writing RAPI user $user to $users"
    mkdir -p "$(dirname "$users")"
    { grep -v "^$user " "$users" 2>/dev/null || true; echo "$line"; } >"$users.tmp"
    chown gnt-rapi:gnt-masterd "$users.tmp"; chmod 640 "$users.tmp"
    mv "$users.tmp" "$users" # ganeti-rapi notices the change through inotify
  fi
}
ensure_rapi_user() {
  ensure_rapi_line "$RAPI_USER" "$STATE/rapi-password" write
  # a user who may read everything (the query resource asks for "read") and change nothing
  ensure_rapi_line "$RAPI_READ_USER" "$STATE/rapi-password-read" read
  # The CA for clients: the certificate part of rapi.pem (which also holds the private key).
  openssl x509 -in /var/lib/ganeti/rapi.pem -out "$STATE/rapi-ca.pem.tmp"
  cmp -s "$STATE/rapi-ca.pem.tmp" "$STATE/rapi-ca.pem" && rm -f "$STATE/rapi-ca.pem.tmp" || mv "$STATE/rapi-ca.pem.tmp" "$STATE/rapi-ca.pem"
}
rapi() { # METHOD PATH [JSON]
  local m=$1 p=$2 args=()
  shift 2
  [ $# -gt 0 ] && args=(-H 'Content-Type: application/json' --data "$1")
  nsx curl -sS --fail-with-body -X "$m" --cacert "$STATE/rapi-ca.pem" \
    --resolve "$RAPI_CERT_CN:$RAPI_PORT:$NODE_IP" -u "$RAPI_USER:$(rapi_password)" "${args[@]}" \
    "https://$RAPI_CERT_CN:$RAPI_PORT$p"
}
wait_for_rapi() {
  local i
  for i in $(seq 1 40); do
    rapi GET /2/info >/dev/null 2>&1 && return
    sleep 0.5
  done
  die "RAPI does not answer with the user $RAPI_USER (see /var/log/ganeti/rapi-daemon.log)"
}

# A host-loopback entry to RAPI: socat on 127.0.0.1:$FORWARD_PORT -> unix socket -> socat in the namespace.
FWD_SOCK=/run/nicsync-ganeti-rapi.sock
fwd_pid() { # pid file -> live socat pid
  local pid
  pid=$(cat "$1" 2>/dev/null) || return 1
  [ -d "/proc/$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = socat ] && echo "$pid"
}
start_forwarder() {
  [ "$FORWARD_PORT" = 0 ] && return
  local ns_pid
  if ns_pid=$(fwd_pid "$STATE/fwd-ns.pid") \
      && [[ "$(tr '\0' ' ' <"/proc/$ns_pid/cmdline")" != *" TCP:$NODE_IP:$RAPI_PORT "* ]]; then
    log "restarting the forwarder in $NS: RAPI moved to $NODE_IP"
    kill "$ns_pid" 2>/dev/null || true
    rm -f "$STATE/fwd-ns.pid"
  fi
  if ! fwd_pid "$STATE/fwd-ns.pid" >/dev/null; then
    rm -f "$FWD_SOCK"
    setsid ip netns exec "$NS" socat "UNIX-LISTEN:$FWD_SOCK,fork,mode=600" "TCP:$NODE_IP:$RAPI_PORT" \
      </dev/null >>"$STATE/forwarder.log" 2>&1 &
    echo $! >"$STATE/fwd-ns.pid"
  fi
  if ! fwd_pid "$STATE/fwd-host.pid" >/dev/null; then
    setsid socat "TCP-LISTEN:$FORWARD_PORT,bind=127.0.0.1,reuseaddr,fork" "UNIX-CONNECT:$FWD_SOCK" \
      </dev/null >>"$STATE/forwarder.log" 2>&1 &
    echo $! >"$STATE/fwd-host.pid"
  fi
  local i
  for i in $(seq 1 20); do
    curl -sS -o /dev/null --cacert "$STATE/rapi-ca.pem" --resolve "$RAPI_CERT_CN:$FORWARD_PORT:127.0.0.1" \
      -u "$RAPI_USER:$(rapi_password)" "https://$RAPI_CERT_CN:$FORWARD_PORT/2/info" 2>/dev/null && return
    sleep 0.25
  done
  die "the RAPI forwarder on 127.0.0.1:$FORWARD_PORT does not work (see $STATE/forwarder.log)"
}
stop_forwarder() {
  local f pid
  for f in "$STATE/fwd-host.pid" "$STATE/fwd-ns.pid"; do
    pid=$(fwd_pid "$f") && kill "$pid" 2>/dev/null || true
    rm -f "$f"
  done
  rm -f "$FWD_SOCK"
}

write_env() {
  cat >"$STATE/rapi.env.tmp" <<EOF
# Written by $0 up. Source it (bash) or read it as key=value.
NICSYNC_GANETI_NETNS=$NS
NICSYNC_GANETI_RAPI_URL=https://$RAPI_CERT_CN:$RAPI_PORT
NICSYNC_GANETI_RAPI_CONNECT=$NODE_IP:$RAPI_PORT
NICSYNC_GANETI_RAPI_HOST_URL=$([ "$FORWARD_PORT" = 0 ] || echo "https://127.0.0.1:$FORWARD_PORT")
NICSYNC_GANETI_RAPI_CERT_HOSTNAME=$RAPI_CERT_CN
NICSYNC_GANETI_RAPI_CA=$STATE/rapi-ca.pem
NICSYNC_GANETI_RAPI_USER=$RAPI_USER
NICSYNC_GANETI_RAPI_PASSWORD_FILE=$STATE/rapi-password
NICSYNC_GANETI_RAPI_READ_USER=$RAPI_READ_USER
NICSYNC_GANETI_RAPI_READ_PASSWORD_FILE=$STATE/rapi-password-read
NICSYNC_GANETI_CLUSTER=$CLUSTER
NICSYNC_GANETI_NODE=$(node_name)
NICSYNC_GANETI_INSTANCE=$INSTANCE
NICSYNC_GANETI_BRIDGES=$BR0,$BR1
NICSYNC_GANETI_NETWORKS=$(IFS=,; n=(); for s in "${NETWORKS[@]}"; do n+=("${s%%:*}"); done; echo "${n[*]}")
NICSYNC_GANETI_CONSOLE_DIR=$STATE/console
NICSYNC_GANETI_KERNEL=$STATE/vmlinuz
NICSYNC_GANETI_INITRD=$STATE/initrd.cpio.gz
NICSYNC_GANETI_ACCEL=$(cat "$STATE/accel")
EOF
  mv "$STATE/rapi.env.tmp" "$STATE/rapi.env"
}

# ------------------------------------------------------------------------------------------------ instance
instance_field() { # NAME FIELD -> value, or nothing if the instance does not exist
  nsx gnt-instance list --no-headers -o "$2" "$1" 2>/dev/null || true
}
wait_for_guest() {
  local i con=$STATE/console/$1.log
  for i in $(seq 1 120); do
    grep -q nicsync-ganeti-guest-ready "$con" 2>/dev/null && return
    sleep 0.5
  done
  die "guest $1 did not print its ready line within 60 s (see $con)"
}
ensure_instance() {
  mkdir -p "$STATE/console"
  local con=$STATE/console/$INSTANCE.log
  if [ -z "$(instance_field "$INSTANCE" name)" ]; then
    log "adding instance $INSTANCE"
    nsx gnt-instance add -n "$(node_name)" -t diskless -o noop --no-name-check --no-ip-check \
      -B memory=128M,vcpus=1 --net "0:link=$BR0,name=eth0" \
      -H "kvm:kvm_extra=-serial file:$con" "$INSTANCE" >/dev/null
    wait_for_guest "$INSTANCE"
  elif [ "$(instance_field "$INSTANCE" oper_state)" != Y ]; then
    log "starting instance $INSTANCE"
    nsx gnt-instance startup "$INSTANCE" >/dev/null
    wait_for_guest "$INSTANCE"
  fi
}

# ------------------------------------------------------------------------------------------------ commands
up() {
  [ "$(id -u)" -eq 0 ] || die "must run as root"
  local t0; t0=$(now)
  mkdir -p "$STATE"
  install_packages
  fetch_kernel
  cp -f "$STATE/kernel/vmlinuz" "$STATE/vmlinuz.tmp"; cmp -s "$STATE/vmlinuz.tmp" "$STATE/vmlinuz" && rm -f "$STATE/vmlinuz.tmp" || mv "$STATE/vmlinuz.tmp" "$STATE/vmlinuz"
  build_initramfs
  detect_accel
  create_namespace
  init_cluster
  ensure_rapi_args
  start_daemons
  wait_for_master
  ensure_master_ip
  pause_watcher
  ensure_networks
  remove_leftovers
  ensure_rapi_user
  wait_for_rapi
  start_forwarder
  write_env
  ensure_instance
  log "up in $(elapsed "$t0") s"
  status
}

down() {
  [ "$(id -u)" -eq 0 ] || die "must run as root"
  local i
  if cluster_exists && ns_exists; then
    start_daemons >/dev/null 2>&1 || true
    if wait_for_master 2>/dev/null; then
      for i in $(nsx gnt-instance list --no-headers -o name 2>/dev/null); do
        log "removing instance $i"
        nsx gnt-instance remove -f --shutdown-timeout=0 "$i" >/dev/null || true
      done
      for i in $(nsx gnt-network list --no-headers -o name 2>/dev/null); do
        nsx gnt-network disconnect "$i" default >/dev/null 2>&1 || true
        nsx gnt-network remove "$i" >/dev/null 2>&1 || true
      done
      log "destroying cluster"
      nsx gnt-cluster destroy --yes-do-it >/dev/null || true
    fi
  fi
  "$DAEMON_UTIL" stop-all >/dev/null 2>&1 || true
  "$DAEMON_UTIL" stop ganeti-metad >/dev/null 2>&1 || true # started on demand by noded, not stopped by stop-all
  stop_forwarder
  # Whatever still runs in the namespace was started by this lab (QEMU of instances, leftover daemons).
  if ns_exists; then
    local pids
    pids=$(ip netns pids "$NS" 2>/dev/null || true)
    [ -n "$pids" ] && { kill $pids 2>/dev/null || true; sleep 1; kill -9 $(ip netns pids "$NS" 2>/dev/null) 2>/dev/null || true; }
    ip netns del "$NS"
  fi
  rm -rf "/etc/netns/$NS"
  remove_stale_pidfiles
  if ! cluster_exists; then
    # What `gnt-cluster destroy` leaves behind: the archived job queue (job ids would clash) and RAPI users.
    rm -rf /var/lib/ganeti/queue/* /var/lib/ganeti/rapi/users /var/run/ganeti/kvm-hypervisor/conf/* \
      /var/run/ganeti/kvm-hypervisor/nic/* /var/run/ganeti/kvm-hypervisor/pid/* 2>/dev/null || true
  else
    log "warning: /var/lib/ganeti/config.data is still there (cluster not destroyed)"
  fi
  rm -rf "$STATE/console" "$STATE/rapi.env" "$STATE/forwarder.log"
  log "down"
}

purge() {
  down
  rm -rf "$STATE"
  log "purged $STATE"
}

status() {
  local p d
  for p in ganeti ganeti-os-noop qemu-system-x86; do
    echo "package $p: $(dpkg-query -W -f='${Version}' "$p" 2>/dev/null || echo missing)"
  done
  echo "kernel: $(cat "$STATE/kernel/package" 2>/dev/null || echo missing), initramfs: $([ -f "$STATE/initrd.cpio.gz" ] && echo present || echo missing), accel: $(cat "$STATE/accel" 2>/dev/null || echo unknown)"
  if ns_exists; then
    echo "namespace $NS: present; addresses: $(ip -n "$NS" -4 -o addr show | awk '{print $2"="$4}' | tr '\n' ' ')"
    echo "bridges: $(ip -n "$NS" -o link show type bridge | awk -F': ' '{print $2}' | tr '\n' ' ')"
  else
    echo "namespace $NS: missing"
  fi
  for d in "${DAEMONS[@]}"; do
    if daemon_ok "$d"; then echo "daemon $d: running (pid $(pid_of "$d"), in $NS)"
    elif pid_of "$d" >/dev/null; then echo "daemon $d: running OUTSIDE $NS (pid $(pid_of "$d"))"
    else echo "daemon $d: stopped"; fi
  done
  if ! cluster_exists; then echo "cluster: not initialised"; return 0; fi
  echo "cluster: $(cat /var/lib/ganeti/ssconf_cluster_name), master $(cat /var/lib/ganeti/ssconf_master_node)"
  if ns_exists && [ -s "$STATE/rapi-password" ] && rapi GET /2/info >/dev/null 2>&1; then
    echo "rapi: https://$RAPI_CERT_CN:$RAPI_PORT in $NS (connect $NODE_IP:$RAPI_PORT), user $RAPI_USER, password file $STATE/rapi-password, CA $STATE/rapi-ca.pem, version $(rapi GET /2/info | sed -n 's/.*"software_version": "\([^"]*\)".*/\1/p')"
  else
    echo "rapi: not answering"
  fi
  if [ "$FORWARD_PORT" != 0 ]; then
    if fwd_pid "$STATE/fwd-host.pid" >/dev/null && fwd_pid "$STATE/fwd-ns.pid" >/dev/null; then
      echo "forwarder: 127.0.0.1:$FORWARD_PORT -> $NS $NODE_IP:$RAPI_PORT (certificate CN $RAPI_CERT_CN)"
    else
      echo "forwarder: stopped"
    fi
  fi
  if daemon_ok ganeti-luxid; then
    nsx gnt-network list -o name,network,mac_prefix,group_list 2>/dev/null | sed 's/^/networks: /'
    nsx gnt-instance list -o name,status,oper_state,nic.names,nic.links,nic.macs 2>/dev/null | sed 's/^/instances: /'
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  purge) purge ;;
  status) status ;;
  rapi) shift; rapi "$@"; echo ;;
  exec) shift; nsx "$@" ;;
  *) echo "usage: ganeti.sh up | down | purge | status | rapi METHOD PATH [JSON] | exec CMD..." >&2; exit 2 ;;
esac
