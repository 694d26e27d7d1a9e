// Placeholder so the manifest resolves; replaced by the module's first real file.
