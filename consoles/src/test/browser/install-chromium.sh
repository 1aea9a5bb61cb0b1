#!/usr/bin/env bash
# Run by the build (exec-maven-plugin, pre-integration-test of module consoles) before CoredumpsPageBrowserIT: installs
# Debian's chromium and chromium-driver, which the browser test drives, where they are missing (apt-get, as root or
# through sudo without a password). Does nothing when both are there.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "install-chromium.sh: the browser test needs Debian's chromium and chromium-driver, and this user cannot install them." >&2
  echo "install-chromium.sh: install them once as root (apt-get install chromium chromium-driver), then build again." >&2
  exit 1
fi
echo "install-chromium.sh: installing chromium and chromium-driver for the browser test (apt-get)"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends \
  chromium chromium-driver > /dev/null
