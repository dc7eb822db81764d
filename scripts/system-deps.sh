#!/usr/bin/env bash
# The system packages the full test suite needs, beyond Python 3.11 and make (README "Setting up"):
#   chromium                the dashboard test drives the page in headless Chromium (/usr/bin/chromium)
#   openjdk-17-jre-headless the Spark test runs PySpark 4, which needs Java 17 or newer
# Checks them; installs what is missing with apt-get when run as root on a Debian-like system (as CI
# is); otherwise, or with SYSTEM_DEPS_CHECK_ONLY=1, fails naming each missing package and the command
# that installs it.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
if ! command -v java >/dev/null 2>&1 || ! java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])'; then
    missing+=(openjdk-17-jre-headless)
fi
if [ ${#missing[@]} -eq 0 ]; then
    echo "system packages: chromium and Java 17+ are installed"
    exit 0
fi
if [ -z "${SYSTEM_DEPS_CHECK_ONLY:-}" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "system packages: installing with apt-get: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    exit 0
fi
echo "system packages missing: ${missing[*]}" >&2
echo "  chromium runs the dashboard test; Java 17 runs the Spark test (README, 'Setting up')." >&2
echo "  install them with: sudo apt-get install ${missing[*]}" >&2
echo "  or run 'make test-fast', which needs neither." >&2
exit 1
