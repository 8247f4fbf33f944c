#!/bin/sh
# Prerequisite of the end-to-end suite's ShellIT: zsh, in which it checks that the completion script completes as the
# README says. Idempotent: does nothing when zsh is present.
set -eu

if ! command -v zsh >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "zsh: zsh is missing; run this script as root to install it" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends zsh
fi
