// glibc's malloc_trim for long training loops (see SynthKitDeep's ProcessMemory).
#include "SynthKitIntrinsics.h"
#include <stdlib.h>  // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>

void synthkit_release_free_heap_pages(void) { (void)malloc_trim(0); }
#else
void synthkit_release_free_heap_pages(void) {}
#endif
