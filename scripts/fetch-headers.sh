#!/usr/bin/env bash
# Fetches the header packages the code database is generated from, without touching the
# system's apt setup: a private sources list for Debian trixie (newest mingw-w64 headers, ~150
# facilities), `apt-get download`, then `dpkg -x` into a folder of our own.
# Usage: scripts/fetch-headers.sh [DIR]   (default: .cache/headers). Prints DIR.
set -euo pipefail
dir=$(realpath -m "${1:-.cache/headers}")
mkdir -p "$dir/apt/lists/partial" "$dir/debs" "$dir/root"
sys=$(ls /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 || true)
uris=$(awk '/^URIs:/{print $2; exit}' "${sys:-/dev/null}" 2>/dev/null || true)
keyring=$(awk '/^Signed-By:/{print $2; exit}' "${sys:-/dev/null}" 2>/dev/null || true)
cat >"$dir/apt/trixie.sources" <<SRC
Types: deb
URIs: ${uris:-http://deb.debian.org/debian}
Suites: trixie
Components: main
Signed-By: ${keyring:-/usr/share/keyrings/debian-archive-keyring.gpg}
SRC
opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$dir/apt"
      -o "Dir::State::Lists=$dir/apt/lists" -o "Dir::Cache::Archives=$dir/debs"
      -o Debug::NoLocking=1 -o APT::Architecture=amd64 -o APT::Sandbox::User=root)
apt-get "${opts[@]}" -qq update >&2
cd "$dir/debs"
rm -f ./*.deb
apt-get "${opts[@]}" -qq download mingw-w64-common libwine-dev >&2
for deb in ./*.deb; do dpkg -x "$deb" "$dir/root"; done
for deb in ./*.deb; do dpkg-deb --showformat='${Package} ${Version}\n' -W "$deb"; done >"$dir/versions.txt"
# FETCH_WINE=1: also Wine's kernelbase.dll (from libwine), a real-size message file for the tests.
# It is kept apart: it is no input of the generator.
if [ "${FETCH_WINE:-}" = 1 ]; then
  mkdir -p "$dir/wine/debs"
  cd "$dir/wine/debs"
  rm -f ./*.deb
  apt-get "${opts[@]}" -o "Dir::Cache::Archives=$dir/wine/debs" -qq download libwine >&2
  dpkg-deb --fsys-tarfile ./libwine_*.deb | tar -x -C "$dir/wine" --wildcards '*/x86_64-windows/kernelbase.dll'
  rm -f ./*.deb
fi
echo "$dir"
