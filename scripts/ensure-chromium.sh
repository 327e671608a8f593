#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright cannot download its own here). Installs it
# when missing and we are root; otherwise says what to do.
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$path" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium not found at $path: install it (apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1
