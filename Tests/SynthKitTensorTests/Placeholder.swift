// Placeholder; replaced by this module's tests.
