#!/usr/bin/env bash
# The local libvirt lab: a libvirtd with the QEMU driver started by hand (no systemd), two Linux bridges,
# a libvirt network in bridge mode, a Debian kernel plus a busybox initramfs, and three guests.
#
#   scripts/lab.sh up              install what is missing, start daemons, create bridges, network, guests
#   scripts/lab.sh down            remove the guests, network, bridges and files this script made
#   scripts/lab.sh status          print what is there
#   scripts/lab.sh reset GUEST     destroy, undefine, redefine and start one guest from its template
#
# Integration tests use the daemons, bridges, network, kernel and initramfs, and define their own
# throwaway guests from the templates in scripts/lab/ (see LAB_DIR below for the files they need).
# Every command is idempotent. Must run as root. `down` leaves the host set-up that other users of libvirtd
# may rely on: installed packages, the qemu.conf it wrote (the original is kept as qemu.conf.nicsync-orig),
# the libvirt-qemu user, and the running daemons.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
TEMPLATES="$HERE/lab"
LAB_DIR=${NICSYNC_LAB_DIR:-/var/lib/nicsync-lab}
URI=qemu:///system
BRIDGES=(br-lab0 br-lab1)
NETWORK=lab
GUESTS=(lab-kernel lab-q35 lab-noos)
PACKAGES=(libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients qemu-system-x86 busybox-static cpio
  libxml2-utils)
# Debian's libvirt was built to run QEMU as this user; without it the QEMU driver does not load.
QEMU_USER=libvirt-qemu

log() { echo "lab: $*" >&2; }
virsh_() { virsh -q -c "$URI" "$@"; }

template_of() {
  case "$1" in
    lab-kernel) echo kernel-guest.xml ;;
    lab-q35) echo q35-guest.xml ;;
    lab-noos) echo noos-guest.xml ;;
    *) echo "lab: unknown guest $1 (one of: ${GUESTS[*]})" >&2; exit 2 ;;
  esac
}

install_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "installing ${missing[*]}"
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

configure_qemu() {
  getent group kvm >/dev/null || groupadd -r kvm
  getent group "$QEMU_USER" >/dev/null || groupadd -r "$QEMU_USER"
  getent passwd "$QEMU_USER" >/dev/null || useradd -r -g kvm -d /var/lib/libvirt -s /usr/sbin/nologin "$QEMU_USER"
  local conf=/etc/libvirt/qemu.conf marker="# nicsync lab"
  if ! grep -q "^$marker" "$conf" 2>/dev/null; then
    [ -f "$conf" ] && [ ! -f "$conf.nicsync-orig" ] && cp "$conf" "$conf.nicsync-orig"
    # Run QEMU as root without a security driver: the sandbox has no SELinux/AppArmor and no systemd.
    printf '%s\nuser = "root"\ngroup = "root"\nsecurity_driver = "none"\ndynamic_ownership = 0\nremember_owner = 0\n' \
      "$marker" >"$conf"
  fi
}

start_daemons() {
  mkdir -p /var/log/libvirt /var/run/libvirt
  pgrep -x virtlogd >/dev/null || { log "starting virtlogd"; virtlogd -d; }
  if ! pgrep -x libvirtd >/dev/null; then
    log "starting libvirtd"
    libvirtd -d
  fi
  local i
  for i in $(seq 1 50); do
    virsh_ uri >/dev/null 2>&1 && return
    sleep 0.2
  done
  echo "lab: libvirtd did not answer on $URI within 10 s (see /var/log/libvirt)" >&2
  exit 1
}

create_bridges() {
  local br
  for br in "${BRIDGES[@]}"; do
    [ -d "/sys/class/net/$br/bridge" ] || { log "creating bridge $br"; ip link add "$br" type bridge; }
    ip link set "$br" up
  done
}

create_network() {
  virsh_ net-info "$NETWORK" >/dev/null 2>&1 || virsh_ net-define "$TEMPLATES/lab-network.xml" >/dev/null
  [[ "$(virsh_ net-info "$NETWORK")" =~ Active:\ *yes ]] || virsh_ net-start "$NETWORK" >/dev/null
}

fetch_kernel() {
  mkdir -p "$LAB_DIR"
  [ -f "$LAB_DIR/vmlinuz" ] && return
  local pkg work
  pkg=$(apt-cache depends linux-image-amd64 | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -1)
  [ -n "$pkg" ] || { apt-get update -qq; pkg=$(apt-cache depends linux-image-amd64 | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -1); }
  log "fetching kernel $pkg"
  work=$(mktemp -d)
  chmod 755 "$work" # apt downloads as its own user _apt
  (cd "$work" && apt-get download -qq "$pkg" >/dev/null && dpkg -x ./*.deb root)
  cp "$work"/root/boot/vmlinuz-* "$LAB_DIR/vmlinuz.tmp"
  mv "$LAB_DIR/vmlinuz.tmp" "$LAB_DIR/vmlinuz"
  rm -rf "$work"
}

build_initramfs() {
  # Rebuilt whenever the template /init changes, so guests never boot a stale userland.
  [ -f "$LAB_DIR/initrd.cpio.gz" ] && cmp -s "$TEMPLATES/init" "$LAB_DIR/init" && return
  log "building busybox initramfs"
  local root
  root=$(mktemp -d)
  mkdir -p "$root/bin" "$root/proc" "$root/sys" "$root/dev"
  cp /bin/busybox "$root/bin/busybox"
  install -m 0755 "$TEMPLATES/init" "$root/init"
  (cd "$root" && find . | cpio -o -H newc --quiet | gzip -9) >"$LAB_DIR/initrd.cpio.gz.tmp"
  mv "$LAB_DIR/initrd.cpio.gz.tmp" "$LAB_DIR/initrd.cpio.gz"
  cp "$TEMPLATES/init" "$LAB_DIR/init"
  rm -rf "$root"
}

render() { # $1 = guest name, $2 = template file
  sed -e "s|@NAME@|$1|" -e "s|@KERNEL@|$LAB_DIR/vmlinuz|" -e "s|@INITRD@|$LAB_DIR/initrd.cpio.gz|" \
    -e "s|@CONSOLE@|$LAB_DIR/$1.console|" -e "s|@BRIDGE@|${BRIDGES[0]}|" "$TEMPLATES/$2"
}

define_guest() {
  local g=$1 xml
  if ! virsh_ dominfo "$g" >/dev/null 2>&1; then
    xml=$(mktemp)
    render "$g" "$(template_of "$g")" >"$xml"
    virsh_ define "$xml" >/dev/null
    rm -f "$xml"
  fi
  [ "$(virsh_ domstate "$g")" = running ] || virsh_ start "$g" >/dev/null
}

remove_guest() {
  local g=$1
  virsh_ dominfo "$g" >/dev/null 2>&1 || return 0
  virsh_ destroy "$g" >/dev/null 2>&1 || true
  virsh_ undefine "$g" >/dev/null 2>&1 || true
  rm -f "$LAB_DIR/$g.console"
}

up() {
  [ "$(id -u)" -eq 0 ] || { echo "lab: must run as root" >&2; exit 1; }
  install_packages
  configure_qemu
  start_daemons
  create_bridges
  create_network
  fetch_kernel
  build_initramfs
  local g
  for g in "${GUESTS[@]}"; do define_guest "$g"; done
  status
}

down() {
  local g br
  if pgrep -x libvirtd >/dev/null; then
    for g in "${GUESTS[@]}"; do remove_guest "$g"; done
    # Throwaway guests that tests and benchmarks define from the templates, left by a run that was killed.
    for g in $(virsh_ list --all --name | grep -E '^(it-|bench-obs-)' || true); do remove_guest "$g"; done
    virsh_ net-destroy "$NETWORK" >/dev/null 2>&1 || true
    virsh_ net-undefine "$NETWORK" >/dev/null 2>&1 || true
  fi
  for br in "${BRIDGES[@]}"; do
    [ -d "/sys/class/net/$br" ] && ip link del "$br"
  done
  rm -rf "$LAB_DIR"
  log "down"
}

status() {
  local br
  echo "daemons: libvirtd $(pgrep -x libvirtd >/dev/null && echo running || echo stopped)," \
    "virtlogd $(pgrep -x virtlogd >/dev/null && echo running || echo stopped)"
  for br in "${BRIDGES[@]}"; do
    echo "bridge $br: $([ -d "/sys/class/net/$br/bridge" ] && echo present || echo missing)"
  done
  echo "kernel: $([ -f "$LAB_DIR/vmlinuz" ] && echo "$LAB_DIR/vmlinuz" || echo missing)"
  echo "initramfs: $([ -f "$LAB_DIR/initrd.cpio.gz" ] && echo "$LAB_DIR/initrd.cpio.gz" || echo missing)"
  pgrep -x libvirtd >/dev/null || return 0
  local net
  net=$(virsh_ net-info "$NETWORK" 2>/dev/null | sed -n 's/^Active: *//p' || true)
  echo "network $NETWORK: $(case "$net" in yes) echo active ;; no) echo inactive ;; *) echo missing ;; esac)"
  local g
  for g in "${GUESTS[@]}"; do
    echo "guest $g: $(virsh_ domstate "$g" 2>/dev/null || echo missing)"
  done
}

reset() {
  [ $# -eq 1 ] || { echo "usage: lab.sh reset GUEST" >&2; exit 2; }
  template_of "$1" >/dev/null
  remove_guest "$1"
  define_guest "$1"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  reset) shift; reset "$@" ;;
  *) echo "usage: lab.sh up | down | status | reset GUEST" >&2; exit 2 ;;
esac
