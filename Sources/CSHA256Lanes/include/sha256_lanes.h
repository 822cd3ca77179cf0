// The SHA-256 compression function with the x86 SHA extensions, for one message or for two
// side by side. SystemCrypto's SHA256State.swift says why it is written here.
#ifndef SHA256_LANES_H
#define SHA256_LANES_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this processor has the SHA extensions (and SSSE3/SSE4.1) the functions below use;
/// 0 otherwise, including on processors other than x86-64, where they must not be called.
int sha256_lanes_supported(void);

/// Compresses `count` 64-byte blocks into `state` (H0…H7, the FIPS 180-4 order).
void sha256_lanes_compress(uint32_t state[8], const uint8_t *blocks, size_t count);

/// Compresses `count` blocks of `blocks_a` into `state_a` and as many of `blocks_b` into
/// `state_b`, the two messages' rounds interleaved.
void sha256_lanes_compress_two(uint32_t state_a[8], const uint8_t *blocks_a,
                               uint32_t state_b[8], const uint8_t *blocks_b, size_t count);

#endif
