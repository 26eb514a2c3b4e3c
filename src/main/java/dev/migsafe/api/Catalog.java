package dev.migsafe.api;

import java.util.List;
import java.util.Optional;

/**
 * The loaded catalog: past migrations and validation templates, sorted by id, and the files
 * that were skipped because they are malformed.
 *
 * @param location where it was read from: a directory, or {@code (shipped)} for the catalog
 *     inside migsafe's jar
 */
public record Catalog(
    String location,
    List<PastMigration> migrations,
    List<ValidationTemplate> validations,
    List<SkippedRecord> skipped) {

  public Catalog {
    migrations = List.copyOf(migrations);
    validations = List.copyOf(validations);
    skipped = List.copyOf(skipped);
  }

  public Optional<PastMigration> migration(String id) {
    return migrations.stream().filter(m -> m.id().equals(id)).findFirst();
  }
}
