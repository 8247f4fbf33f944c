#!/usr/bin/env bash
# The libvirt plugin's integration tests need the local lab: libvirtd, QEMU, bridges, kernel and initramfs.
set -euo pipefail
exec "$(cd "$(dirname "$0")/../.." && pwd)/scripts/lab.sh" up
