package dev.migsafe.internal.drift;

import dev.migsafe.internal.pg.SchemaDifference;
import java.util.List;

/**
 * What {@code drift} found.
 *
 * @param databaseServer the live server's version, e.g. {@code 17.5}
 * @param schema the schema compared
 * @param expectedSource where the expected DDL came from
 * @param expectedServer the embedded server's version it was built on
 * @param note why the embedded server's major differs from the live one, or null
 * @param differences every difference, in {@code SchemaComparison}'s order
 */
public record DriftReport(String databaseServer, String schema, String expectedSource,
    String expectedServer, String note, List<SchemaDifference> differences) {

  public boolean drift() {
    return !differences.isEmpty();
  }
}
