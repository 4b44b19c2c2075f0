#!/usr/bin/env bash
# The Windows release (scripts/release-windows.sh) builds the example under wine64 into
# the same site as the Linux build of the same commit. The zip is unpacked and its
# duiding.exe run from the unpacked folder, as the LEESMIJ.txt tells a Windows user to.
# Both sides build with --no-pdf; the Linux build gets a font configuration without fonts,
# so it makes no PNGs either (the Windows version has no librsvg). Every file must be byte
# for byte equal except the build log (.duiding-site): its "generator" line names the
# program (the Linux build id; the .exe's SHA-256), and each page's input hash includes
# it; the same files with the same output hashes must be listed. Before that, the platform
# layer's unit tests run as a Windows program, and after it duiding.exe must name
# file:line:column of an error in a broken copy of the example, in the very words of the
# handleiding's Windows section.
# Skips (77) without mingw-w64 and wine64 (scripts/setup.sh --release-windows).
#   tests/release_windows_test.sh REPO LINUX_DUIDING
set -euo pipefail
repo="$(cd "${1:?usage: release_windows_test.sh REPO LINUX_DUIDING}" && pwd)"
linux="${2:?usage: release_windows_test.sh REPO LINUX_DUIDING}"
wine=/usr/lib/wine/wine64
if ! command -v x86_64-w64-mingw32-g++-posix >/dev/null || [[ ! -x "$wine" ]]; then
  echo "SKIP: needs mingw-w64 and wine64: scripts/setup.sh --release-windows installs them"
  exit 77
fi
work=$(mktemp -d)
# The wine server of this test's own prefix keeps writing to it for a while after the
# last program: stop it (only it) before the folder is removed.
cleanup() {
  WINEPREFIX="$work/wine" /usr/lib/wine/wineserver -k 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$repo/scripts/release-windows.sh" "$work/dist"
zip=$(ls "$work"/dist/duiding-*-windows-x86_64.zip)
(cd "$work" && unzip -q "$zip")
bundle=$(ls -d "$work"/duiding-*-windows-x86_64)
[[ -f "$bundle/bin/duiding.exe" ]] || { echo "no bin/duiding.exe in $zip"; exit 1; }
# Only Windows' own DLLs: nothing from the compiler or the libraries may be needed beside it.
dlls=$(x86_64-w64-mingw32-objdump -p "$bundle/bin/duiding.exe" | awk '/DLL Name:/ {print tolower($3)}' | sort -u)
echo "duiding.exe imports: $(echo $dlls)"
for dll in $dlls; do
  case "$dll" in
    kernel32.dll | user32.dll | advapi32.dll | bcrypt.dll | ws2_32.dll | crypt32.dll | msvcrt.dll | shell32.dll | \
    ole32.dll | api-ms-win-*) ;;
    *) echo "duiding.exe needs $dll, which a Windows PC does not have"; exit 1 ;;
  esac
done

export WINEPREFIX="$work/wine" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
# The platform layer's Windows side on its own (tests/platform_test.cc).
nice ninja -C "$repo/build-windows/duiding" -j2 duiding_platform_tests >/dev/null
"$wine" "$repo/build-windows/duiding/duiding_platform_tests.exe"
(cd "$bundle" && "$wine" "$bundle/bin/duiding.exe" --lang en build 'share\duiding\examples\voorbeeldgemeente' -o site --no-pdf) |
  tee "$work/windows.out"
grep -q '^duiding: built ' "$work/windows.out" || { echo "duiding.exe did not report a build"; exit 1; }
printf '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n' > "$work/no-fonts.conf"
FONTCONFIG_FILE="$work/no-fonts.conf" "$linux" build "$repo/examples/voorbeeldgemeente" -o "$work/linux" --no-pdf >/dev/null 2>&1
if find "$work/linux" -name '*.png' | grep -q .; then echo "the Linux build made PNGs; nothing to compare"; exit 1; fi

if ! diff -r -q -x .duiding-site "$work/linux" "$bundle/site"; then
  echo "the Windows build differs from the Linux build (diff -r above)"
  exit 1
fi
log_files() { grep -E '^[0-9a-f]{64} [0-9a-f]{64} ' "$1/.duiding-site" | cut -d' ' -f2- | sort; }
if ! diff <(log_files "$work/linux") <(log_files "$bundle/site"); then
  echo "the build logs list other files or other output hashes"
  exit 1
fi
# An error in a source names its file, line and column, in Windows' own path form: the
# handleiding's example line word for word (its source folder is called impactmeting).
cp -r "$repo/examples/voorbeeldgemeente" "$bundle/impactmeting"
sed -i '4s/;ontevreden;/;ontevreeden;/' "$bundle/impactmeting/data/values/2024.csv"
status=0
(cd "$bundle" && "$wine" "$bundle/bin/duiding.exe" --lang nl check impactmeting) >"$work/check.out" 2>&1 || status=$?
cat "$work/check.out"
[[ $status -eq 1 ]] || { echo "duiding.exe check on a broken source: exit status $status, not 1"; exit 1; }
example=$(grep -m1 -F 'impactmeting\data\values\2024.csv:4:46: fout: ' "$repo/docs/handleiding.md" | sed 's/^ *//')
[[ -n "$example" ]] || { echo "the handleiding has no example of duiding.exe's error message"; exit 1; }
tr -d '\r' <"$work/check.out" | grep -qxF "$example" ||
  { echo "duiding.exe did not say the handleiding's example: $example"; exit 1; }

files=$(find "$work/linux" -type f | wc -l)
echo "release windows: duiding.exe under wine64 built the example: $files files, all but the build log equal to the Linux build"
