package dev.migsafe.rules;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.migsafe.api.LintOptions;
import dev.migsafe.api.TransactionMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One named case of a rule's {@code <id>.cases.yaml}.
 *
 * @param name what the case shows
 * @param sql the migration
 * @param file the file name to lint it as (decides the tool layout, e.g. {@code V1__x.sql}
 *     for Flyway); default {@code case.sql}, plain SQL outside any implicit transaction
 * @param engineVersion PostgreSQL major version (default 17)
 * @param transaction auto, always or never (default auto)
 * @param schema DDL of the starting schema
 * @param expect every finding of this rule the case must produce, and no others
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record RuleCase(
    String name,
    String sql,
    String file,
    Integer engineVersion,
    String transaction,
    String schema,
    List<Expected> expect) {

  /**
   * An expected finding; {@code column}, where the finding points on its line, is optional.
   * When every expectation of a case gives one, the case compares columns too.
   */
  public record Expected(int line, Integer column, String severity) {}

  /** A case written out as lint reads it. */
  public record Written(Path file, LintOptions options) {}

  /** The lint options the case asks for, but its schema: engine version and transaction mode. */
  public LintOptions options() {
    LintOptions options = LintOptions.defaults();
    if (engineVersion != null) {
      options = options.withEngineVersion(engineVersion);
    }
    if (transaction != null) {
      options = options.withTransactionMode(
          TransactionMode.valueOf(transaction.toUpperCase(Locale.ROOT)));
    }
    return options;
  }

  /**
   * Writes the case under {@code dir}: its schema, which the returned options name, and its
   * migration under {@code migrations/} with the case's file name.
   */
  public Written write(Path dir) throws IOException {
    LintOptions options = options();
    if (schema != null) {
      Path schemaFile = dir.resolve("schema.ddl");
      Files.writeString(schemaFile, schema);
      options = options.withSchemaFile(schemaFile);
    }
    Path migration = dir.resolve("migrations").resolve(file == null ? "case.sql" : file);
    Files.createDirectories(migration.getParent());
    Files.writeString(migration, sql);
    return new Written(migration, options);
  }
}
