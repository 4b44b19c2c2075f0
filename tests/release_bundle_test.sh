#!/usr/bin/env bash
# The release bundle runs on a machine that has nothing but the C library: it is unpacked
# into an empty root holding only glibc's loader, libc and libm (no /usr, no node, no
# word list, no apt libraries), and there it builds the example and the built-in
# Groningen source. Needs root for chroot and a private mount of /proc; skips (77) with a
# reason where the machine refuses them.
#   tests/release_bundle_test.sh REPO
set -euo pipefail
repo="$(cd "${1:?usage: release_bundle_test.sh REPO}" && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$repo/scripts/release.sh" "$work/dist" >/dev/null
tarball=$(ls "$work"/dist/duiding-*-linux-x86_64.tar.gz)
[[ $(tar -tzf "$tarball" | grep -c '^duiding-[^/]*/bin/duiding$') == 1 ]] || { echo "no bin/duiding in $tarball"; exit 1; }

# Two runs give the same archive, byte for byte.
"$repo/scripts/release.sh" "$work/again" >/dev/null
cmp "$tarball" "$work/again/$(basename "$tarball")" || { echo "release archive differs between two runs"; exit 1; }

root="$work/root"
# /tmp as every Linux system has it (the .xlsx writer works through a temporary file).
mkdir -p "$root/lib64" "$root/lib/x86_64-linux-gnu" "$root/proc" "$root/out" "$root/tmp"
chmod 1777 "$root/tmp"
cp /lib64/ld-linux-x86-64.so.2 "$root/lib64/"
cp /lib/x86_64-linux-gnu/libc.so.6 /lib/x86_64-linux-gnu/libm.so.6 "$root/lib/x86_64-linux-gnu/"
tar -xzf "$tarball" -C "$root"
mv "$root"/duiding-* "$root/duiding"

if [[ $(id -u) -ne 0 ]] || ! unshare -m true 2>/dev/null; then
  echo "SKIP: needs root for chroot and unshare"; exit 77
fi

run() { env -i unshare -m sh -c "mount --bind /proc '$root/proc' && exec chroot '$root' $*"; }
run /duiding/bin/duiding --version
run /duiding/bin/duiding build /duiding/share/duiding/examples/voorbeeldgemeente -o /out/voorbeeld
run /duiding/bin/duiding build -o /out/groningen
for site in voorbeeld groningen; do
  for f in index.html assets/duiding.css assets/vendor/vega.min.js; do
    [[ -s "$root/out/$site/$f" ]] || { echo "missing $site/$f in the bundle's build"; exit 1; }
  done
done
grep -q 'Groningen' "$root/out/groningen/index.html" || { echo "the default source is not Groningen"; exit 1; }
echo "release bundle: built both sites in a root with only glibc"
