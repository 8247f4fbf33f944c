#!/bin/sh
# Prerequisites of reconciler's SshSourceIT: OpenSSH's sshd (started by the test itself on 127.0.0.1 with its
# own config, never as a system service) and ssh-keygen. Idempotent: does nothing when both are present.
set -eu

if [ ! -x /usr/sbin/sshd ] || ! command -v ssh-keygen >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "git-ssh: openssh-server is missing; run this script as root to install it" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssh-server openssh-client
fi

# sshd refuses to start without its privilege separation directory, which the service unit normally creates.
if [ "$(id -u)" -eq 0 ]; then
  mkdir -p /run/sshd
fi
