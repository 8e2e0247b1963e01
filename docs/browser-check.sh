#!/bin/sh
# Opens a `coach score --format html` report in headless Chromium (Debian: apt-get install
# chromium fonts-noto-cjk), fails on any console message or page load error, and saves a
# screenshot. Not part of `swift test`: CI has no browser.
#
#   docs/browser-check.sh REPORT.html [SCREENSHOT.png]
set -eu
REPORT=$(realpath "$1")
SHOT=${2:-docs/batch-report.png}
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
FLAGS="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"

# --v=1 logs every console message as CONSOLE(...) and every failed load as net::ERR_...
# (Chromium's own sign-in fetcher logs ERR_NAME_NOT_RESOLVED from gaia_auth_fetcher without
# network access; that is not the page.)
chromium $FLAGS --enable-logging=stderr --v=1 --dump-dom "file://$REPORT" 2> "$LOG" > /dev/null
if grep -E "CONSOLE|Uncaught|Refused to|net::ERR" "$LOG" | grep -v gaia_auth_fetcher; then
  echo "browser-check: the page logged errors (above)" >&2
  exit 1
fi
echo "browser-check: no console messages, no failed loads"
chromium $FLAGS --hide-scrollbars --window-size=1280,2000 --screenshot="$SHOT" "file://$REPORT" 2> /dev/null
echo "browser-check: screenshot $SHOT"
