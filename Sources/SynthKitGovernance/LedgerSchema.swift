import GRDB

/// The ledger's SQL schema, as ordered migrations (never edit a shipped migration; add one).
enum LedgerSchema {
    /// The migrator holding every migration of the ledger file.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-entries-and-artifacts") { database in
            try database.execute(
                sql: """
                    CREATE TABLE entry (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        command TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('pending', 'committed')),
                        createdAt TEXT NOT NULL,
                        committedAt TEXT,
                        synthesizer TEXT,
                        hyperparameters TEXT NOT NULL,
                        seed TEXT,
                        schemaHash TEXT,
                        privacy TEXT,
                        scores TEXT NOT NULL,
                        notes TEXT NOT NULL,
                        processIdentifier INTEGER
                    );
                    CREATE TABLE artifact (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        entryId INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
                        role TEXT NOT NULL CHECK (role IN ('input', 'output')),
                        position INTEGER NOT NULL,
                        path TEXT NOT NULL,
                        sha256 TEXT,
                        kind TEXT NOT NULL,
                        rows INTEGER,
                        origin TEXT NOT NULL,
                        generationDepth INTEGER,
                        syntheticShare REAL
                    );
                    CREATE INDEX artifactBySHA256 ON artifact(sha256);
                    CREATE INDEX artifactByEntry ON artifact(entryId);
                    """)
        }
        return migrator
    }
}
