#include <zlib.h>

// zlib's init functions are macros, which Swift cannot call: this wrapper passes the
// version and stream size the macro would. (Archives are written with libdeflate; zlib
// reads archives whose members do not state their length.)

/// An inflate stream that reads gzip members (and only gzip, never raw zlib data).
static inline int czlib_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 16);
}
