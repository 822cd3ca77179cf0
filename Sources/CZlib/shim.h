#include <zlib.h>

// zlib's init functions are macros, which Swift cannot call: these wrappers pass the
// version and stream size the macros would.

/// A deflate stream that writes one complete gzip member (header, data, CRC-32 and size).
static inline int czlib_deflate_init_gzip(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

/// An inflate stream that reads gzip members (and only gzip, never raw zlib data).
static inline int czlib_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 16);
}
