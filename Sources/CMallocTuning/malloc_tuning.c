// Why this is C: mallopt is declared in glibc's malloc.h, which Swift's Glibc module leaves out.
#include "malloc_tuning.h"

#include <stdlib.h> // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>

void malloc_tuning_keep_freed_blocks(void) {
    // Blocks smaller than this come from the heap, not from a mapping of their own that
    // free() unmaps (32 MiB is the most 64-bit glibc accepts; where a value is refused, the
    // default stays, which is only slower); and the heap is not trimmed until this much lies
    // free at its top.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
}
#else
void malloc_tuning_keep_freed_blocks(void) {}
#endif
