#!/usr/bin/env bash
# Builds the message-file fixtures in test/fixtures/messages/ from our own .mc sources
# (test/fixtures/messages/src/). Every text in them is written for mfr's tests; nothing made by
# Microsoft is used or shipped. Output is byte-reproducible (no timestamps, stripped), so running
# this again must leave `git status` clean.
#
# Tools: Debian's binutils-mingw-w64-x86-64 and binutils-mingw-w64-i686 (windmc, windres, ld) and
# cpp (windres preprocesses .rc files). Missing packages are installed with apt-get.
#
# Usage: scripts/make-fixtures.sh [--check]   (--check: build into a temp dir and compare)
set -euo pipefail
export LC_ALL=C

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FIX="$ROOT/test/fixtures/messages"
SRC="$FIX/src"
CHECK=0
[[ "${1:-}" == "--check" ]] && CHECK=1

need=()
command -v x86_64-w64-mingw32-windmc >/dev/null || need+=(binutils-mingw-w64-x86-64)
command -v i686-w64-mingw32-ld >/dev/null || need+=(binutils-mingw-w64-i686)
command -v cpp >/dev/null || need+=(cpp)
if ((${#need[@]})); then
  echo "installing: ${need[*]}" >&2
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
OUT="$FIX"
if ((CHECK)); then OUT="$WORK/out"; fi
mkdir -p "$OUT/system32/en-US" "$OUT/system32/de-DE" "$OUT/system32/fr-FR"

RCFLAGS=(--preprocessor=cpp --preprocessor-arg=-P)
LDFLAGS=(--dll -e 0 -s --no-insert-timestamp)

# mc <name> <src.mc> <windmc flags...>: compile to $WORK/<name>/MSGxxxxx.bin
mc() {
  local name=$1 src=$2; shift 2
  mkdir -p "$WORK/$name"
  (cd "$WORK/$name" && x86_64-w64-mingw32-windmc -C 65001 "$@" "$src" >/dev/null)
}
# link <bits 32|64> <style dll|mui> <out> <rc file>
link() {
  local bits=$1 style=$2 out=$3 rc=$4 prefix
  if [[ $bits == 64 ]]; then prefix=x86_64-w64-mingw32; else prefix=i686-w64-mingw32; fi
  local obj="${rc%.rc}.$bits.o"
  (cd "$(dirname "$rc")" && "$prefix-windres" "${RCFLAGS[@]}" -i "$(basename "$rc")" -o "$obj")
  if [[ $style == mui ]]; then
    "$prefix-ld" "${LDFLAGS[@]}" -T "$SRC/resource-only.ld" -o "$out" "$obj"
  else
    "$prefix-ld" "${LDFLAGS[@]}" -o "$out" "$obj"
  fi
}
# rc <file> <lang id>=<bin path> ...: an .rc with one message table per language
rc() {
  local file=$1; shift
  : >"$file"
  local pair id
  for pair in "$@"; do
    id=${pair%%=*}
    printf 'LANGUAGE 0x%x, 0x%x\n1 MESSAGETABLE "%s"\n\n' $((id & 0x3ff)) $((id >> 10)) "${pair#*=}" >>"$file"
  done
}

mc uni "$SRC/common.mc" -U
mc ansi "$SRC/common.mc" -A
mc nt "$SRC/ntstatus.mc" -U
mc other "$SRC/notlisted.mc" -U

# 1. Three languages in one DLL, Unicode entries, PE32+.
rc "$WORK/multi64.rc" 0x409="$WORK/uni/MSG00409.bin" 0x407="$WORK/uni/MSG00407.bin" 0x40C="$WORK/uni/MSG0040C.bin"
link 64 dll "$OUT/multi64.dll" "$WORK/multi64.rc"
# 2. The same texts as ANSI (windows-1252) entries, PE32.
rc "$WORK/multi32-ansi.rc" 0x409="$WORK/ansi/MSG00409.bin" 0x407="$WORK/ansi/MSG00407.bin" 0x40C="$WORK/ansi/MSG0040C.bin"
link 32 dll "$OUT/multi32-ansi.dll" "$WORK/multi32-ansi.rc"
# 3. A folder laid out like System32: a language-neutral kernelbase.dll without a message table,
#    its texts in <lang>/kernelbase.dll.mui satellites (resource-only PE32 files, with a "MUI"
#    resource as real satellites have), ntdll.dll with its table in the main file, and a module
#    that is not on mfr's list (it must be ignored when the folder is scanned).
printf 'mfr-fixture-mui-config\0\0' >"$WORK/mui-config.bin"
cat >"$WORK/kernelbase-ln.rc" <<RC
LANGUAGE 0, 0
1 RCDATA { "mfr fixture: language-neutral module without a message table\\0" }
1 MUI "$WORK/mui-config.bin"
RC
link 64 dll "$OUT/system32/kernelbase.dll" "$WORK/kernelbase-ln.rc"
for pair in en-US=0x409:uni de-DE=0x407:uni fr-FR=0x40C:ansi; do
  tag=${pair%%=*}; rest=${pair#*=}; id=${rest%%:*}; flavour=${rest#*:}
  rc "$WORK/mui-$tag.rc" "$id=$WORK/$flavour/MSG$(printf '%05X' "$id").bin"
  printf 'LANGUAGE 0x%x, 0x%x\n1 MUI "%s"\n' $((id & 0x3ff)) $((id >> 10)) "$WORK/mui-config.bin" >>"$WORK/mui-$tag.rc"
  link 32 mui "$OUT/system32/$tag/kernelbase.dll.mui" "$WORK/mui-$tag.rc"
done
rc "$WORK/ntdll.rc" 0x409="$WORK/nt/MSG00409.bin"
link 64 dll "$OUT/system32/ntdll.dll" "$WORK/ntdll.rc"
rc "$WORK/notlisted.rc" 0x409="$WORK/other/MSG00409.bin"
link 64 dll "$OUT/system32/notlisted.dll" "$WORK/notlisted.rc"

if ((CHECK)); then
  if diff -r -x src "$OUT" "$FIX" >/dev/null; then echo "fixtures are up to date"; else
    echo "fixtures differ from a fresh build: run scripts/make-fixtures.sh" >&2; diff -r -q -x src "$OUT" "$FIX" >&2 || true; exit 1
  fi
else
  (cd "$FIX" && find . -path ./src -prune -o -type f -printf '%p %s bytes\n' | sort)
fi
