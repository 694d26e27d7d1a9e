import SynthKitIntrinsics

/// The process's heap, as far as long training loops need it.
enum ProcessMemory {
    /// Returns the allocator's free pages to the operating system (glibc `malloc_trim(0)`; a
    /// no-op elsewhere).
    ///
    /// Training allocates and frees the same tensor sizes every step; with glibc's default
    /// settings the freed blocks fragmented the heap and CTGAN's peak resident memory on Adult
    /// crept from 105 to 121 MB over 1 to 60 epochs although nothing was retained (with a fixed
    /// mmap threshold it stayed at 86 MB). Called once per epoch, resident memory sampled every
    /// 2 s over 60 epochs stayed between 91 and 103 MB with no trend; the cost is one heap walk.
    static func releaseFreePages() {
        synthkit_release_free_heap_pages()
    }
}
