#include "build/png.h"

#ifdef DUIDING_HAVE_LIBRSVG
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <libdeflate.h>
#include <librsvg/rsvg.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#endif

namespace duiding::build {

#ifdef DUIDING_HAVE_LIBRSVG
namespace {

// Owners for the C objects of one call.
struct Surface {
  cairo_surface_t* s;
  ~Surface() { cairo_surface_destroy(s); }
};
struct Context {
  cairo_t* cr;
  ~Context() { cairo_destroy(cr); }
};
struct Handle {
  RsvgHandle* h;
  ~Handle() {
    if (h != nullptr) g_object_unref(h);
  }
};
struct Error {
  GError* e = nullptr;
  ~Error() {
    if (e != nullptr) g_error_free(e);
  }
  std::string text() const { return e != nullptr && e->message != nullptr ? e->message : "unknown reason"; }
};

void append_be32(std::string& out, std::uint32_t v) {
  const char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                     static_cast<char>(v)};
  out.append(b, 4);
}

// A PNG chunk: length, type, data, and the CRC-32 of type and data.
void append_chunk(std::string& out, const char (&type)[5], const unsigned char* data, std::size_t size) {
  append_be32(out, static_cast<std::uint32_t>(size));
  const std::size_t from = out.size();
  out.append(type, 4);
  out.append(reinterpret_cast<const char*>(data), size);
  append_be32(out, static_cast<std::uint32_t>(libdeflate_crc32(0, out.data() + from, size + 4)));
}

// Memory left uninitialised until written: a compressed slide fills some kilobytes of a
// buffer sized for the worst case of megabytes, and only the pages written get mapped.
struct Buffer {
  std::unique_ptr<unsigned char[]> bytes;
  std::size_t size = 0;
  unsigned char* at_least(std::size_t n) {
    if (n > size) {
      bytes.reset(new unsigned char[n]);
      size = n;
    }
    return bytes.get();
  }
};

// What one thread reuses from PNG to PNG: the pixels cairo draws on, the compressor and
// the buffer it writes to. Fresh memory costs a page fault for every 4 KB it touches (and
// cairo clears a surface it allocates, before it is painted white); reused memory does not.
struct Encoder {
  libdeflate_compressor* compressor = libdeflate_alloc_compressor(kLevel);
  Buffer pixels, packed;
  ~Encoder() { libdeflate_free_compressor(compressor); }
  // libdeflate at level 3: measured on the 47 slides of the Groningen site (1600 × 900),
  // 7 ms a slide where zlib through libpng took 11 ms, and 4.0 MB in all against 4.7 MB.
  static constexpr int kLevel = 3;
};

// RGB, 8 bits, filter type 0 on every row (for charts of flat colours the other filters
// made larger files here, and slower), compressed as one zlib stream by libdeflate. The
// rows are packed in place, over the surface's own pixels, which are gone afterwards.
std::string encode(Encoder& encoder, cairo_surface_t* surface) {
  const int width = cairo_image_surface_get_width(surface), height = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  unsigned char* const pixels = cairo_image_surface_get_data(surface);
  const std::size_t row_size = 1 + 3 * static_cast<std::size_t>(width);
  const std::size_t raw_size = row_size * static_cast<std::size_t>(height);
  // A packed row (1 + 3 × width bytes) is no longer than a surface row (stride), so
  // each pixel is read before anything is written over it.
  if (row_size > static_cast<std::size_t>(stride)) throw PngFailed("cairo gave a surface with rows too short");
  unsigned char* const raw = pixels;
  unsigned char* to = raw;
  for (int y = 0; y < height; ++y) {
    // cairo's RGB24 is a native-endian 32-bit word per pixel, 0x00RRGGBB.
    const unsigned char* row = pixels + static_cast<std::ptrdiff_t>(y) * stride;
    for (int x = 0; x < width; ++x) {
      std::uint32_t px;
      std::memcpy(&px, row + 4 * static_cast<std::ptrdiff_t>(x), 4);
      if (x == 0) *to++ = 0;  // the row's filter type, none: written after its first pixel is read
      to[0] = static_cast<unsigned char>(px >> 16);
      to[1] = static_cast<unsigned char>(px >> 8);
      to[2] = static_cast<unsigned char>(px);
      to += 3;
    }
  }
  const std::size_t bound = libdeflate_zlib_compress_bound(encoder.compressor, raw_size);
  unsigned char* const zlib = encoder.packed.at_least(bound);
  const std::size_t packed = libdeflate_zlib_compress(encoder.compressor, raw, raw_size, zlib, bound);
  if (packed == 0) throw PngFailed("libdeflate could not compress a chart");
  std::string out("\x89PNG\r\n\x1a\n", 8);
  out.reserve(8 + 25 + 12 + packed + 12);
  unsigned char header[13] = {};
  for (int i = 0; i < 4; ++i) {
    header[i] = static_cast<unsigned char>(static_cast<std::uint32_t>(width) >> (24 - 8 * i));
    header[4 + i] = static_cast<unsigned char>(static_cast<std::uint32_t>(height) >> (24 - 8 * i));
  }
  header[8] = 8;  // bits per sample
  header[9] = 2;  // colour type: RGB; compression, filter method and interlace stay 0
  append_chunk(out, "IHDR", header, sizeof header);
  append_chunk(out, "IDAT", zlib, packed);
  append_chunk(out, "IEND", nullptr, 0);
  return out;
}

}  // namespace

std::string LibrsvgRasteriser::png(const std::string& svg) const {
  Error error;
  Handle handle{rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error.e)};
  if (handle.h == nullptr) throw PngFailed("librsvg could not read a chart's SVG: " + error.text());
  gdouble width = 0, height = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.h, &width, &height) || width < 1 || height < 1 ||
      width > 8000 || height > 8000)
    throw PngFailed("a chart's SVG has no usable width and height in pixels");
  thread_local Encoder encoder;
  if (encoder.compressor == nullptr) throw PngFailed("libdeflate could not start a compressor");
  const int w = static_cast<int>(std::lround(width)), h = static_cast<int>(std::lround(height));
  const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w);
  const std::size_t bytes = static_cast<std::size_t>(stride) * static_cast<std::size_t>(h);
  unsigned char* const pixels = encoder.pixels.at_least(bytes);
  std::memset(pixels, 0xFF, bytes);  // white
  Surface surface{cairo_image_surface_create_for_data(pixels, CAIRO_FORMAT_RGB24, w, h, stride)};
  Context cr{cairo_create(surface.s)};
  const RsvgRectangle viewport{0, 0, width, height};
  if (!rsvg_handle_render_document(handle.h, cr.cr, &viewport, &error.e))
    throw PngFailed("librsvg could not draw a chart: " + error.text());
  cairo_surface_flush(surface.s);
  if (cairo_surface_status(surface.s) != CAIRO_STATUS_SUCCESS)
    throw PngFailed(std::string("cairo could not draw a chart: ") + cairo_status_to_string(cairo_surface_status(surface.s)));
  return encode(encoder, surface.s);
}

std::unique_ptr<charts::Rasteriser> make_rasteriser(NoPng& why) {
  // The charts ask for DejaVu Sans, Noto Sans, Arial or any sans-serif: fontconfig always
  // answers a match, so ask whether it knows any font file at all.
  FcConfig* config = FcInitLoadConfigAndFonts();
  bool fonts = false;
  if (config != nullptr) {
    FcPattern* all = FcPatternCreate();
    FcObjectSet* file = FcObjectSetBuild(FC_FILE, nullptr);
    FcFontSet* found = FcFontList(config, all, file);
    fonts = found != nullptr && found->nfont > 0;
    if (found != nullptr) FcFontSetDestroy(found);
    FcObjectSetDestroy(file);
    FcPatternDestroy(all);
    FcConfigDestroy(config);
  }
  if (!fonts) {
    why = NoPng::kNoFont;
    return nullptr;
  }
  why = NoPng::kNone;
  return std::make_unique<LibrsvgRasteriser>();
}

#else

std::string LibrsvgRasteriser::png(const std::string&) const {
  throw PngFailed("this duiding was built without librsvg, so it cannot draw PNG");
}

std::unique_ptr<charts::Rasteriser> make_rasteriser(NoPng& why) {
  why = NoPng::kNoLibrsvg;
  return nullptr;
}

#endif

}  // namespace duiding::build
