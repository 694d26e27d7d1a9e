// Placeholder; conformance suites land with their modules.
