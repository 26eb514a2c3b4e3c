package dev.migsafe.api;

import java.nio.file.Path;

/**
 * What {@code outcome record} wrote.
 *
 * @param file the record's file in the catalog
 * @param created whether the record is new
 * @param hash SHA-256 of the file as written; pass it as the expected hash of the next update to
 *     be sure nobody changed the file in between
 */
public record RecordedOutcome(PastMigration migration, Path file, boolean created, String hash) {}
