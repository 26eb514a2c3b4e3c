package dev.migsafe.api;

import java.util.List;
import java.util.Optional;

/**
 * The loaded catalog: past migrations and validation templates, sorted by id, and the files
 * that were skipped because they are malformed.
 *
 * @param location where it was read from: a directory, or {@code (shipped)} for the catalog
 *     inside migsafe's jar
 * @param source whose history it holds: the team's, or migsafe's sample
 */
public record Catalog(
    String location,
    List<PastMigration> migrations,
    List<ValidationTemplate> validations,
    List<SkippedRecord> skipped,
    CatalogSource source) {

  public Catalog {
    migrations = List.copyOf(migrations);
    validations = List.copyOf(validations);
    skipped = List.copyOf(skipped);
    java.util.Objects.requireNonNull(source, "source");
  }

  /** A catalog the caller chose, as before {@code source} existed. */
  public Catalog(String location, List<PastMigration> migrations,
      List<ValidationTemplate> validations, List<SkippedRecord> skipped) {
    this(location, migrations, validations, skipped, CatalogSource.EXPLICIT);
  }

  public Optional<PastMigration> migration(String id) {
    return migrations.stream().filter(m -> m.id().equals(id)).findFirst();
  }
}
