#!/bin/sh
# Locks the dependencies with hashes: requirements.txt from requirements.in (what `make run` installs) and
# requirements-dev.txt from both .in files (what `make test` installs: runtime and test tools, one complete lock).
# Every version pinned today is kept (the current locks are the constraints): to move a package, change its line
# in the .in file and delete its lines from the .txt files first. The files are installed with
# `pip install --require-hashes`, so a changed or substituted download is refused.
# Needs the package index (PyPI); uv is fetched into a temporary folder, it is not a project dependency.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/uv"
"$tmp/uv/bin/pip" install -q uv==0.13.9
# the pins of both current locks, as constraints (their hash continuation lines dropped)
grep -hE '^[A-Za-z0-9]' requirements.txt requirements-dev.txt | sed 's/[ ;].*//' | sort -u > "$tmp/pins.txt"
lock() {  # lock OUT IN...
  out=$1; shift
  "$tmp/uv/bin/uv" pip compile "$@" -c "$tmp/pins.txt" --generate-hashes --python-version 3.11 \
    --annotation-style line --no-header --quiet --index-url https://pypi.org/simple -o "$tmp/out.txt"
  {
    echo "# Locked with hashes by scripts/lock.sh from $*; install with pip install --require-hashes -r $out"
    sed -e "s|-c $tmp/pins.txt, ||" -e "s|, -c $tmp/pins.txt||" -e "s|  # via -c $tmp/pins.txt$||" "$tmp/out.txt"
  } > "$out"
}
lock requirements.txt requirements.in
lock requirements-dev.txt requirements.in requirements-dev.in
