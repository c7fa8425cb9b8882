#!/bin/sh
# Installs the Debian/Ubuntu packages Shanhe needs that are missing, and nothing else.
#   system-deps.sh venv     python3-venv (to create .venv)
#   system-deps.sh browser  chromium + fonts-noto-cjk (chart images, PDF reports, browser tests, Chinese glyphs)
#   system-deps.sh test     the above + poppler-utils (pdftotext/pdfinfo), and for the deployment tests nginx,
#                           systemd (systemd-analyze verify) and curl (deploy/healthcheck.sh); npm and brotli
#                           fetch and unpack the old Chromium builds (86, 108) the static-edition tests run;
#                           postgresql (initdb, pg_ctl, pg_dump): the store tests start a throwaway cluster
# Uses sudo when not run as root.
set -eu
need=""
case "${1:-}" in
  venv)
    python3 -c 'import ensurepip, venv' 2>/dev/null || need="python3-venv" ;;
  browser|test)
    command -v chromium >/dev/null 2>&1 || need="chromium"
    dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need="$need fonts-noto-cjk"
    if [ "$1" = test ]; then
      command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
      [ -x /usr/sbin/nginx ] || need="$need nginx"
      command -v systemd-analyze >/dev/null 2>&1 || need="$need systemd"
      command -v curl >/dev/null 2>&1 || need="$need curl"
      command -v npm >/dev/null 2>&1 || need="$need npm"
      command -v brotli >/dev/null 2>&1 || need="$need brotli"
      ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need="$need postgresql"
    fi ;;
  *)
    echo "usage: $0 venv|browser|test" >&2; exit 2 ;;
esac
[ -z "$need" ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "Installing Debian packages:$need"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need
