#!/usr/bin/env bash
# Cross-builds, as static libraries for Windows x86-64 (mingw-w64, posix threads), the
# libraries duiding links that Debian ships only for Linux: fmt, cmark-gfm, libzip, pugixml,
# libxlsxwriter and GLPK, and installs cpp-httplib's single header (Debian's
# libcpp-httplib-dev is split into a header and a Linux library). Their source comes from Debian's source packages (`apt-get source`), at
# the version the archive has; nothing of it is kept in this repository. Usage:
#   scripts/windows-libraries.sh PREFIX
# Each library is built once: PREFIX/.built-NAME-VERSION marks it done, so a second run
# builds nothing. zlib is Debian's own mingw build (libz-mingw-w64-dev); SHA-256 comes
# from Windows itself (bcrypt.dll), so OpenSSL is not needed; oneTBB is not built either
# (it cross-builds, but takes longer than all the rest together on two cores): the
# Windows build runs pages on std::thread workers (generator/plan/parallel_threads.cc).
# The header-only libraries
# (CLI11, nlohmann-json, Boost.Math, fccp) are used from Debian's packages
# as they are (cmake/windows-dependencies.cmake). fmt could be too (FMT_HEADER_ONLY), but
# then every file of duiding compiles fmt's formatting code again; built once here, the
# cross-build of duiding takes less time.
set -euo pipefail
prefix=$(mkdir -p "$1" && cd "$1" && pwd)
src="$prefix/../src"
mkdir -p "$src"
src=$(cd "$src" && pwd)
host=x86_64-w64-mingw32
jobs=2
toolchain="$(cd "$(dirname "$0")/.." && pwd)/cmake/mingw-w64-x86_64.cmake"

# apt-get source needs a deb-src line; Debian's images have only binary ones.
sources=/etc/apt/sources.list.d/debian-src.sources
if ! apt-get source --print-uris -qq pugixml >/dev/null 2>&1; then
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' |
    $sudo tee "$sources" >/dev/null
  $sudo apt-get update -qq
fi

# Prints the folder of the unpacked Debian source of $1, fetching it the first time.
fetch() {
  local pkg=$1 version dir
  version=$(apt-cache showsrc "$pkg" | awk '/^Version:/ {print $2; exit}')
  dir="$src/$pkg-${version%-*}"
  dir="${dir/:*-/-}"
  if [[ ! -d "$dir" ]]; then
    (cd "$src" && apt-get source -qq "$pkg" >/dev/null 2>&1) || { echo "windows-libraries: apt-get source $pkg failed" >&2; exit 1; }
    dir=$(find "$src" -maxdepth 1 -type d -name "$pkg-*" | sort | tail -1)
  fi
  echo "$dir"
}

# build NAME PACKAGE COMMAND...: runs COMMAND in the unpacked source unless already done.
build() {
  local name=$1 pkg=$2; shift 2
  local version stamp
  version=$(apt-cache showsrc "$pkg" | awk '/^Version:/ {print $2; exit}')
  stamp="$prefix/.built-$name-$version-$(declare -f "$1" 2>/dev/null | cat - <(echo "$*") | sha256sum | cut -c1-8)"
  if [[ -f "$stamp" ]]; then echo "windows-libraries: $name $version already built"; return; fi
  local dir; dir=$(fetch "$pkg")
  echo "windows-libraries: building $name $version for Windows"
  local log="$prefix/../$name.log"
  if ! (cd "$dir" && "$@") >"$log" 2>&1; then
    echo "windows-libraries: $name failed; the last lines of $log:" >&2
    tail -20 "$log" >&2
    exit 1
  fi
  touch "$stamp"
}

cmake_lib() {
  local b="build-mingw"
  rm -rf "$b"
  cmake -S . -B "$b" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_PREFIX_PATH="$prefix" -DBUILD_SHARED_LIBS=OFF -DBUILD_TESTING=OFF "$@"
  nice ninja -C "$b" -j"$jobs"
  ninja -C "$b" install
}

build fmt fmtlib cmake_lib -DFMT_DOC=OFF -DFMT_TEST=OFF
build pugixml pugixml cmake_lib -DPUGIXML_BUILD_TESTS=OFF
build cmark-gfm cmark-gfm cmake_lib -DCMARK_TESTS=OFF -DCMARK_SHARED=OFF -DCMARK_STATIC=ON
build libzip libzip cmake_lib -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF -DENABLE_GNUTLS=OFF \
  -DENABLE_OPENSSL=OFF -DENABLE_MBEDTLS=OFF -DENABLE_COMMONCRYPTO=OFF -DENABLE_WINDOWS_CRYPTO=OFF \
  -DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF -DBUILD_OSSFUZZ=OFF
# cpp-httplib as one header (HTTPLIB_COMPILE=OFF), without HTTPS or compression: duiding
# serve answers only on 127.0.0.1.
build cpp-httplib cpp-httplib cmake_lib -DHTTPLIB_COMPILE=OFF -DHTTPLIB_USE_OPENSSL_IF_AVAILABLE=OFF \
  -DHTTPLIB_USE_ZLIB_IF_AVAILABLE=OFF -DHTTPLIB_USE_BROTLI_IF_AVAILABLE=OFF
# libxlsxwriter with its own copy of minizip (Debian links the system one, which has no
# Windows build in Debian) and its own MD5 instead of OpenSSL's. __USE_MINGW_ANSI_STDIO:
# C99 printf, so a number is written into a sheet as on Linux (msvcrt's %G differs).
build libxlsxwriter libxlsxwriter cmake_lib -DUSE_SYSTEM_MINIZIP=OFF -DUSE_OPENSSL_MD5=OFF -DBUILD_TESTS=OFF \
  -DBUILD_EXAMPLES=OFF -DCMAKE_C_FLAGS="-D__USE_MINGW_ANSI_STDIO=1"
glpk() {
  # __WOE__: GLPK's own Windows code (gmtime_s, strerror_s; mingw has no gmtime_r, strerror_r).
  # In a fresh folder of its own, as cmake_lib: objects of an earlier recipe are never reused.
  rm -rf build-mingw && mkdir build-mingw && cd build-mingw
  ../configure --host=$host --prefix="$prefix" --disable-shared --enable-static CFLAGS="-O2 -D__WOE__"
  nice make -C src -j"$jobs"
  make -C src install
}
build glpk glpk glpk
echo "windows-libraries: all in $prefix"
