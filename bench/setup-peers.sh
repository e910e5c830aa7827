#!/usr/bin/env bash
# Sets up the two peer baselines (headless Chromium, Typst) in bench/.peers/ (git-ignored), because the shared
# copy (../shared/peers beside the checkout, or $PEERS_SRC) may be read-only. Idempotent: the peer files are re-copied (so an
# update of the shared harness is picked up), node_modules is kept, and each peer's own setup.sh runs
# (apt-get only for missing packages: chromium, fonts-noto-cjk, poppler-utils; then npm ci; then its checks).
#
# Usage: bench/setup-peers.sh            (as root, or with sudo available for apt-get)
#        PEERS="typst" bench/setup-peers.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# The shared folder sits beside the checkout (../shared), wherever the checkout lives.
src="${PEERS_SRC:-$here/../../shared/peers}"
dest="$here/.peers"
PEERS="${PEERS:-chromium typst}"

if [ ! -d "$src" ]; then
  echo "setup-peers: $src not found (set PEERS_SRC to the folder that holds chromium/ and typst/)" >&2
  exit 1
fi
mkdir -p "$dest"
# compare.sh and the README belong to the shared harness; copy them too so that .peers/ is self-contained.
for f in compare.sh README.md; do
  if [ -f "$src/$f" ]; then cp -f "$src/$f" "$dest/$f"; fi
done

for peer in $PEERS; do
  if [ ! -d "$src/$peer" ]; then echo "setup-peers: $src/$peer missing" >&2; exit 1; fi
  mkdir -p "$dest/$peer"
  # Copy every file of the harness except node_modules/ and out/ (which are rebuilt / produced here).
  (cd "$src/$peer" && find . -path ./node_modules -prune -o -path ./out -prune -o -type f -print0 \
    | while IFS= read -r -d '' f; do mkdir -p "$dest/$peer/$(dirname "$f")"; cp -f "$f" "$dest/$peer/$f"; done)
  chmod +x "$dest/$peer/setup.sh"
  # Work-around in our copy only: under `set -o pipefail`, `fc-list | grep -q …` fails with status 141 when grep -q
  # exits at the first match and fc-list is killed by SIGPIPE (it does, on this VM, on every run after the first).
  sed -i "s/fc-list | grep -q 'Noto Sans CJK SC'/fc-list | grep 'Noto Sans CJK SC' >\/dev\/null/" "$dest/$peer/setup.sh"
  echo "setup-peers: $peer -> $dest/$peer; running its setup.sh" >&2
  (cd "$dest/$peer" && ./setup.sh)
done
echo "setup-peers: ok ($dest)" >&2
