// Placeholder entry point; the command tree lands with the CLI work.
print("synthkit")
