#!/usr/bin/env bash
# Installs the Debian packages the tests need (Chromium, PostgreSQL, Redis) when they are
# missing.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/lib/postgresql/15/bin/pg_ctl ] || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)  # the import's task queue
fonts=$(fc-list 2>/dev/null | grep -c DejaVu || true)
[ "${fonts:-0}" -gt 0 ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} with apt-get"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
