package dev.migsafe.internal.lint;

import java.nio.file.Path;

/**
 * A migration file found on disk (or standard input).
 *
 * @param path where it is; null for standard input
 * @param displayPath how it is named in output
 * @param tool the layout it follows: flyway, golang-migrate, diesel, prisma, plain
 * @param rollback whether it is a down/undo migration
 * @param orderKey the key that sorts it among its siblings (version, number or folder name)
 */
public record MigrationFile(
    Path path, String displayPath, String tool, boolean rollback, String orderKey) {

  /** Whether the tool runs the file in one transaction by default. */
  public boolean toolWrapsInTransaction() {
    return switch (tool) {
      case "flyway", "prisma", "diesel" -> true;
      default -> false;
    };
  }
}
