#!/usr/bin/env bash
# CI, before `make test`: install what the server tests (tests/test_push.py) need system-wide, i.e. Virtuoso 7
# (Debian's virtuoso-opensource). The Oxigraph server comes from PyPI with the test extra, nothing to do here.
# Idempotent and quiet; never fails the run: without Virtuoso its tests fail under CI, saying what is missing.
set -u

if command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "warning: .ci/servers.sh: no apt-get here; install Virtuoso 7 (virtuoso-t, isql-vt) for the Virtuoso tests" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then
  sudo="sudo -n"
fi
export DEBIAN_FRONTEND=noninteractive
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq virtuoso-opensource; } >/tmp/kg-ci-servers.log 2>&1; then
  echo "warning: .ci/servers.sh: could not install virtuoso-opensource (see /tmp/kg-ci-servers.log);" \
       "the Virtuoso tests will fail" >&2
fi
exit 0
