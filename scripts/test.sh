#!/usr/bin/env bash
# The test command: install what the tests need and run them against the installed
# package, not the source tree.
#   - Debian's Chromium and a Korean font for the browser tests (apt-get);
#   - a virtualenv ($KG_TEST_VENV, default .venv-test; made when missing) holding only
#     what pyproject.toml declares: a wheel built from this tree, with its test extras;
#   - pytest run from outside the tree, so `import kg` can only find the installed wheel
#     (tests/conftest.py checks that it did).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi nanum || need+=(fonts-nanum)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

venv=${KG_TEST_VENV:-$repo/.venv-test}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$repo/build"  # setuptools reuses it: stale files would enter the wheel
"$venv/bin/python" -m pip wheel -q --no-deps -w "$work/dist" "$repo"
wheel=$(ls "$work"/dist/kg-*.whl)
"$venv/bin/python" -m pip install -q --force-reinstall --no-deps "$wheel"
"$venv/bin/python" -m pip install -q "$wheel[test]"

cd "$work"
KG_TEST_INSTALLED=1 "$venv/bin/python" -m pytest -q -c "$repo/pyproject.toml" \
  --rootdir "$repo" -p no:cacheprovider "$@" "$repo/tests"
