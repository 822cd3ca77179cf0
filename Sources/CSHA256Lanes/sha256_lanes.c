// SHA-256 compression with the x86 SHA extensions (SHA-NI), one lane or two interleaved.
//
// The rounds follow Intel's published SHA-NI sequence: the state is kept as two vectors
// (ABEF and CDGH), each SHA256RNDS2 does two rounds, and SHA256MSG1/MSG2 extend the message
// schedule four words at a time. The two-lane version does the same work for two independent
// messages in one loop, so each round instruction of one message issues while the other's
// is still in flight.
#include "sha256_lanes.h"

#if defined(__x86_64__)

#include <cpuid.h>
#include <immintrin.h>

int sha256_lanes_supported(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    const int ssse3 = (ecx >> 9) & 1, sse41 = (ecx >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    const int sha = (ebx >> 29) & 1;
    return ssse3 && sse41 && sha;
}

static const uint32_t round_constants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define SHA_TARGET __attribute__((target("sha,sse4.1,ssse3")))

typedef struct {
    __m128i abef, cdgh;
} lane;

SHA_TARGET static inline lane lane_load(const uint32_t state[8]) {
    const __m128i cdab = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[0]), 0xB1);
    const __m128i efgh = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[4]), 0x1B);
    return (lane){_mm_alignr_epi8(cdab, efgh, 8), _mm_blend_epi16(efgh, cdab, 0xF0)};
}

SHA_TARGET static inline void lane_store(lane l, uint32_t state[8]) {
    const __m128i feba = _mm_shuffle_epi32(l.abef, 0x1B);
    const __m128i dchg = _mm_shuffle_epi32(l.cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0)); // DCBA
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));    // HGFE
}

// Rounds 4i…4i+3 of one lane. `w` holds the schedule's last four groups of four words, w[i % 4]
// the current one. The first four groups are the block's words, byte-swapped; each later
// group is finished (MSG2) one group ahead of its use, and begun (MSG1) three groups ahead.
#define FOUR_ROUNDS(i, l, w, block)                                                                      \
    do {                                                                                                 \
        if ((i) < 4)                                                                                     \
            w[(i)] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)((block) + 16 * (i))), byte_swap); \
        const __m128i k = _mm_add_epi32(w[(i) & 3], _mm_loadu_si128((const __m128i *)&round_constants[4 * (i)])); \
        l.cdgh = _mm_sha256rnds2_epu32(l.cdgh, l.abef, k);                                               \
        l.abef = _mm_sha256rnds2_epu32(l.abef, l.cdgh, _mm_shuffle_epi32(k, 0x0E));                      \
        if ((i) >= 3 && (i) <= 14)                                                                       \
            w[((i) + 1) & 3] = _mm_sha256msg2_epu32(                                                     \
                _mm_add_epi32(w[((i) + 1) & 3], _mm_alignr_epi8(w[(i) & 3], w[((i) - 1) & 3], 4)), w[(i) & 3]); \
        if ((i) >= 1 && (i) <= 12)                                                                       \
            w[((i) - 1) & 3] = _mm_sha256msg1_epu32(w[((i) - 1) & 3], w[(i) & 3]);                       \
    } while (0)

SHA_TARGET void sha256_lanes_compress(uint32_t state[8], const uint8_t *blocks, size_t count) {
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    lane l = lane_load(state);
    for (; count > 0; count--, blocks += 64) {
        const lane saved = l;
        __m128i w[4];
#pragma clang loop unroll(full)
        for (int i = 0; i < 16; i++) FOUR_ROUNDS(i, l, w, blocks);
        l.abef = _mm_add_epi32(l.abef, saved.abef);
        l.cdgh = _mm_add_epi32(l.cdgh, saved.cdgh);
    }
    lane_store(l, state);
}

SHA_TARGET void sha256_lanes_compress_two(uint32_t state_a[8], const uint8_t *blocks_a,
                                          uint32_t state_b[8], const uint8_t *blocks_b, size_t count) {
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    lane a = lane_load(state_a), b = lane_load(state_b);
    for (; count > 0; count--, blocks_a += 64, blocks_b += 64) {
        const lane saved_a = a, saved_b = b;
        __m128i wa[4], wb[4];
#pragma clang loop unroll(full)
        for (int i = 0; i < 16; i++) {
            FOUR_ROUNDS(i, a, wa, blocks_a);
            FOUR_ROUNDS(i, b, wb, blocks_b);
        }
        a.abef = _mm_add_epi32(a.abef, saved_a.abef);
        a.cdgh = _mm_add_epi32(a.cdgh, saved_a.cdgh);
        b.abef = _mm_add_epi32(b.abef, saved_b.abef);
        b.cdgh = _mm_add_epi32(b.cdgh, saved_b.cdgh);
    }
    lane_store(a, state_a);
    lane_store(b, state_b);
}

#else

// Elsewhere SystemCrypto compresses with libcrypto; these are never called.
int sha256_lanes_supported(void) { return 0; }
void sha256_lanes_compress(uint32_t state[8], const uint8_t *blocks, size_t count) { __builtin_trap(); }
void sha256_lanes_compress_two(uint32_t state_a[8], const uint8_t *blocks_a,
                               uint32_t state_b[8], const uint8_t *blocks_b, size_t count) { __builtin_trap(); }

#endif
