package org.groundwork.archive;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * manifest.json, the archive's first entry: what the archive is, the schema it was written
 * under, the team, and the rows of each file in the order they follow.
 */
record Manifest(String format, int formatVersion, String schemaVersion, Team team, Instant createdAt,
                List<File> files) {

    record Team(UUID id, String name) {
    }

    record File(String name, long rows) {
    }
}
