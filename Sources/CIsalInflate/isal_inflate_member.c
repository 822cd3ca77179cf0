// Why this is C: ISA-L's AVX inflate code returns without VZEROUPPER, leaving the
// upper halves of the vector registers marked in use. Until they are cleared, every legacy
// SSE instruction the thread runs next pays for merging them, and the SHA extensions, which
// have only legacy encodings, ran at half speed after it (2.9 → 1.5 GB/s measured on Zen 4).
// Swift cannot issue VZEROUPPER, so the wrapper does, right after ISA-L returns.
#include "isal_inflate_member.h"

#include <stdatomic.h>
#include <stdlib.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

/// VZEROUPPER exists only where the processor has AVX and the system saves its registers.
static int avx_usable(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    const int osxsave = (ecx >> 27) & 1, avx = (ecx >> 28) & 1;
    if (!osxsave || !avx) return 0;
    unsigned int xcr0_low, xcr0_high;
    __asm__("xgetbv" : "=a"(xcr0_low), "=d"(xcr0_high) : "c"(0));
    return (xcr0_low & 0x6) == 0x6; // SSE and AVX state enabled
}

__attribute__((target("avx"))) static void clear_upper_halves(void) { _mm256_zeroupper(); }

/// -1 until first asked; threads racing to fill it in store the same answer.
static atomic_int avx_usable_answer = -1;

static void leave_vector_registers_clean(void) {
    int usable = atomic_load_explicit(&avx_usable_answer, memory_order_relaxed);
    if (usable < 0) {
        usable = avx_usable();
        atomic_store_explicit(&avx_usable_answer, usable, memory_order_relaxed);
    }
    if (usable) clear_upper_halves();
}
#else
static void leave_vector_registers_clean(void) {}
#endif

int isal_inflate_gzip_member(const uint8_t *input, size_t input_count, uint8_t *output, size_t output_capacity,
                             size_t *used, size_t *produced) {
    // 87 KB of tables: on the heap, not a worker thread's stack.
    struct inflate_state *state = malloc(sizeof *state);
    if (state == NULL) return ISAL_INFLATE_MEMBER_NO_MEMORY;
    isal_inflate_init(state);
    state->crc_flag = ISAL_GZIP;
    state->next_in = (uint8_t *)input; // ISA-L only reads it
    state->avail_in = (uint32_t)input_count;
    state->next_out = output;
    state->avail_out = (uint32_t)output_capacity;
    const int status = isal_inflate_stateless(state);
    leave_vector_registers_clean();
    *used = input_count - state->avail_in;
    *produced = state->total_out;
    free(state);
    return status;
}
