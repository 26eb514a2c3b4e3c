package dev.migsafe.api;

import java.util.List;
import java.util.Optional;

/**
 * The loaded catalog: past migrations and validation templates, sorted by id, the files that
 * were skipped because they are malformed, and warnings about records that were loaded but
 * should be written differently.
 *
 * @param location where it was read from: a directory, or {@code (shipped)} for the catalog
 *     inside migsafe's jar
 * @param source whose history it holds: the team's, or migsafe's sample
 * @param warnings each {@code FILE:LINE:COLUMN: path: message}, e.g. a change kind written as
 *     a synonym ({@code create-index} for {@code add-index})
 */
public record Catalog(
    String location,
    List<PastMigration> migrations,
    List<ValidationTemplate> validations,
    List<SkippedRecord> skipped,
    CatalogSource source,
    List<String> warnings) {

  public Catalog {
    migrations = List.copyOf(migrations);
    validations = List.copyOf(validations);
    skipped = List.copyOf(skipped);
    java.util.Objects.requireNonNull(source, "source");
    warnings = List.copyOf(warnings);
  }

  /** A catalog without warnings, as before {@code warnings} existed. */
  public Catalog(String location, List<PastMigration> migrations,
      List<ValidationTemplate> validations, List<SkippedRecord> skipped, CatalogSource source) {
    this(location, migrations, validations, skipped, source, List.of());
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
