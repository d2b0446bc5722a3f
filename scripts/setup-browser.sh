#!/usr/bin/env bash
# Installs what the browser tests need when it is missing (needs root, as on CI): Debian's
# Chromium, and a small CJK font so Chinese map labels render as they do on readers' devices.
set -euo pipefail
have_chromium() { [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; }
have_cjk_font() { fc-list :lang=zh 2>/dev/null | grep -q .; }
if have_chromium && have_cjk_font; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "Missing Chromium or a CJK font: run 'sudo apt-get install chromium fonts-wqy-microhei' (or set CHROMIUM_PATH)." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
