#!/usr/bin/env bash
# The Ganeti plugin's integration tests need the local Ganeti lab: a single-node cluster in its own network
# namespace, its RAPI, two bridges, two Ganeti networks and a test instance. scripts/test.sh runs this first.
set -euo pipefail
exec "$(cd "$(dirname "$0")" && pwd)/ganeti.sh" up
