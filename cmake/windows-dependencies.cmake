# The libraries for the Windows build (scripts/release-windows.sh), under the same target
# names as the Linux build's find_package() calls give, so CMakeLists.txt links one list.
# Compiled libraries come from CMAKE_PREFIX_PATH, where scripts/windows-libraries.sh
# cross-built them from Debian's source packages; zlib is Debian's mingw-w64 build; the
# header-only libraries are Debian's own packages, seen through a folder of links (never
# /usr/include itself, whose glibc headers would shadow mingw-w64's).
set(debian_headers "${CMAKE_BINARY_DIR}/debian-headers")
file(MAKE_DIRECTORY "${debian_headers}")
foreach(h nlohmann boost CLI libfccp catch2)
  if(NOT EXISTS "/usr/include/${h}")
    message(FATAL_ERROR "/usr/include/${h} is missing: run scripts/setup.sh first")
  endif()
  file(CREATE_LINK "/usr/include/${h}" "${debian_headers}/${h}" SYMBOLIC)
endforeach()

foreach(name nlohmann_json::nlohmann_json Boost::boost CLI11::CLI11)
  add_library(${name} INTERFACE IMPORTED)
  set_target_properties(${name} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${debian_headers}")
endforeach()
# cpp-httplib as the single header from its Debian source (Debian's own package splits it
# into a header and a Linux library). It needs Winsock; 0x0A00 is Windows 10, the oldest
# a municipal PC still runs.
find_path(HTTPLIB_INCLUDE_DIR httplib.h REQUIRED)
add_library(PkgConfig::HTTPLIB INTERFACE IMPORTED)
set_target_properties(PkgConfig::HTTPLIB PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${HTTPLIB_INCLUDE_DIR}"
  INTERFACE_LINK_LIBRARIES "ws2_32;crypt32" INTERFACE_COMPILE_DEFINITIONS _WIN32_WINNT=0x0A00)
set(FCCP_INCLUDE_DIR "${debian_headers}")

find_package(Threads REQUIRED)
set(ZLIB_USE_STATIC_LIBS ON)   # libz.a, not the import library of zlib1.dll
find_package(ZLIB REQUIRED)
find_package(fmt REQUIRED)
find_package(pugixml REQUIRED)
find_package(libzip REQUIRED)

find_path(CMARK_GFM_INCLUDE_DIR cmark-gfm.h REQUIRED)
find_library(CMARK_GFM_LIBRARY NAMES cmark-gfm_static cmark-gfm REQUIRED)
find_library(CMARK_GFM_EXTENSIONS_LIBRARY NAMES cmark-gfm-extensions_static cmark-gfm-extensions REQUIRED)
# Static libraries link in order: the extensions use the core library's functions.
set(CMARK_GFM_EXTENSIONS "${CMARK_GFM_EXTENSIONS_LIBRARY};${CMARK_GFM_LIBRARY}")
add_library(PkgConfig::CMARK_GFM INTERFACE IMPORTED)
set_target_properties(PkgConfig::CMARK_GFM PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${CMARK_GFM_INCLUDE_DIR}"
  INTERFACE_LINK_LIBRARIES "${CMARK_GFM_LIBRARY}"
  INTERFACE_COMPILE_DEFINITIONS "CMARK_GFM_STATIC_DEFINE;CMARK_GFM_EXTENSIONS_STATIC_DEFINE")

add_library(PkgConfig::LIBZIP INTERFACE IMPORTED)
set_target_properties(PkgConfig::LIBZIP PROPERTIES INTERFACE_LINK_LIBRARIES "libzip::zip;ZLIB::ZLIB;bcrypt;advapi32"
  INTERFACE_COMPILE_DEFINITIONS ZIP_STATIC)

# libxlsxwriter (the .xlsx downloads), with the minizip and MD5 of its own source.
find_path(XLSXWRITER_INCLUDE_DIR xlsxwriter.h REQUIRED)
find_library(XLSXWRITER_LIBRARY xlsxwriter REQUIRED)
add_library(PkgConfig::XLSXWRITER INTERFACE IMPORTED)
set_target_properties(PkgConfig::XLSXWRITER PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${XLSXWRITER_INCLUDE_DIR}"
  INTERFACE_LINK_LIBRARIES "${XLSXWRITER_LIBRARY};ZLIB::ZLIB")

find_path(GLPK_INCLUDE_DIR glpk.h REQUIRED)
find_library(GLPK_LIBRARY glpk REQUIRED)

# SHA-256 comes from Windows itself (generator/platform/windows.cc), not OpenSSL.
add_library(OpenSSL::Crypto INTERFACE IMPORTED)
set_target_properties(OpenSSL::Crypto PROPERTIES INTERFACE_LINK_LIBRARIES bcrypt)
