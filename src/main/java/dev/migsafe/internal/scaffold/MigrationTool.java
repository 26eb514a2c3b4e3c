package dev.migsafe.internal.scaffold;

/**
 * The migration tools whose layout {@code init} recognises, by the {@code tool} name the linter
 * gives a file ({@code MigrationFiles.classify}), and how many folder levels separate a file
 * from the migrations folder: diesel and Prisma keep each migration in a folder of its own.
 */
public enum MigrationTool {
  FLYWAY("flyway", "Flyway", 0),
  GOLANG_MIGRATE("golang-migrate", "golang-migrate", 0),
  DIESEL("diesel", "diesel", 1),
  PRISMA("prisma", "Prisma", 1);

  final String id;
  final String displayName;
  final int nesting;

  MigrationTool(String id, String displayName, int nesting) {
    this.id = id;
    this.displayName = displayName;
    this.nesting = nesting;
  }

  static MigrationTool of(String id) {
    for (MigrationTool t : values()) {
      if (t.id.equals(id)) {
        return t;
      }
    }
    return null;
  }
}
