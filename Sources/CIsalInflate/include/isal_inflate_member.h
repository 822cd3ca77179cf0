// One gzip member inflated whole with the system ISA-L. isal_inflate_member.c says why Swift
// does not call ISA-L directly.
#ifndef ISAL_INFLATE_MEMBER_H
#define ISAL_INFLATE_MEMBER_H

#include <isa-l/igzip_lib.h>
#include <stddef.h>
#include <stdint.h>

#define ISAL_INFLATE_MEMBER_NO_MEMORY (-100)

/// Inflates the one gzip member in `input` (RFC 1952, its CRC-32 and ISIZE checked) into
/// `output`. Both must be under 4 GiB: ISA-L counts in 32 bits (archive members are at most
/// a little over 1 MiB). Returns ISA-L's status: ISAL_DECOMP_OK when the member is whole and valid,
/// ISAL_OUT_OVERFLOW when it holds more than `output_capacity` bytes, ISAL_END_INPUT when it
/// is cut short, ISAL_INFLATE_MEMBER_NO_MEMORY when its tables could not be allocated, other
/// negative values when its data or checksum is invalid. `used` is how many bytes of `input`
/// the member took, `produced` how many it unpacked to.
int isal_inflate_gzip_member(const uint8_t *input, size_t input_count, uint8_t *output, size_t output_capacity,
                             size_t *used, size_t *produced);

#endif
