package dev.migsafe.internal.rules;

/**
 * The migration file being judged, one per rule session.
 *
 * @param path the file's path as given
 * @param engineVersion PostgreSQL major version
 * @param rollback whether it is a down/undo migration
 * @param wrappedInTransaction whether the migration tool runs the whole file in one transaction
 * @param tool the migration tool its layout suggests: flyway, golang-migrate, diesel, prisma,
 *     plain
 */
public record MigrationFact(
    String path, int engineVersion, boolean rollback, boolean wrappedInTransaction, String tool) {

  public int getEngineVersion() {
    return engineVersion;
  }

  public boolean isRollback() {
    return rollback;
  }

  public boolean isWrappedInTransaction() {
    return wrappedInTransaction;
  }

  public String getTool() {
    return tool;
  }

  public String getPath() {
    return path;
  }
}
