#!/bin/sh
# Prerequisites of reconciler's SignedCommitsIT: gpg (GnuPG, with its agent) and ssh-keygen, which git calls to sign
# the test commits. Idempotent: does nothing when both are present.
set -eu

if ! command -v gpg >/dev/null 2>&1 || ! command -v gpg-agent >/dev/null 2>&1 || ! command -v gpgconf >/dev/null 2>&1 \
    || ! command -v ssh-keygen >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "git-signing: gnupg or ssh-keygen is missing; run this script as root to install them" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gnupg gpg-agent openssh-client
fi
