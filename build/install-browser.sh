#!/usr/bin/env bash
# Installs Debian's chromium for the browser test of the API reference page (/scalar), where it is missing.
# Without it that one test is reported as skipped, with the reason.
set -uo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium is missing and cannot be installed here (needs root and apt-get): the browser test will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium; } >/tmp/databrain-install-browser.log 2>&1; then
  echo "chromium could not be installed (see /tmp/databrain-install-browser.log): the browser test will be skipped" >&2
fi
