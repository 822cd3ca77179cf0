// glibc's malloc settings, which Swift's Glibc module does not expose (malloc.h's mallopt).
#ifndef MALLOC_TUNING_H
#define MALLOC_TUNING_H

/// Keeps blocks under 32 MiB that the process frees for its own reuse, rather than handing
/// them back to the kernel at once and taking fresh zeroed pages for the next. Does nothing
/// where the C library is not glibc.
void malloc_tuning_keep_freed_blocks(void);

#endif
