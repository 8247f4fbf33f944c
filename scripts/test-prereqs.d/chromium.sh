#!/bin/sh
# Prerequisite of the end-to-end suite's ServePageIT: headless Chromium, which loads serve's web page, clicks it and
# takes its screenshot (driven over the DevTools protocol). Idempotent: does nothing when chromium is present.
set -eu

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "chromium: chromium is missing; run this script as root to install it" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
fi
