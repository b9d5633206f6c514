#!/usr/bin/env bash
# Install factcheck into .venv/ (idempotent). With --test, also the test tools, Chromium and
# the optional engines the tests run (milvus-lite, Ray).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
if [[ "${1:-}" == "--test" ]]; then
    .venv/bin/pip install --quiet -c constraints.txt -e '.[test,milvus,ray]'
    if [[ ! -x /usr/bin/chromium ]]; then
        SUDO=$([[ $(id -u) == 0 ]] && echo "" || echo sudo)
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
    fi
else
    .venv/bin/pip install --quiet -c constraints.txt -e .
fi
