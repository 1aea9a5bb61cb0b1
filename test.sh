#!/usr/bin/env bash
# Runs every test of devcd: the README's test command, and what .ci/run calls.
# The Web Console page is tested in a real headless browser: Debian's chromium and chromium-driver. Where they are
# missing they are installed first (apt-get, as root or through sudo without a password); then Maven runs everything.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "test.sh: the browser test needs Debian's chromium and chromium-driver, and this user cannot install them." >&2
    echo "test.sh: install them once as root (apt-get install chromium chromium-driver), then run ./test.sh again." >&2
    exit 1
  fi
  echo "test.sh: installing chromium and chromium-driver for the browser test (apt-get)"
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends \
    chromium chromium-driver > /dev/null
fi

exec mvn -B -ntp verify "$@"
