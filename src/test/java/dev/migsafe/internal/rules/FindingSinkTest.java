package dev.migsafe.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.internal.sql.ColumnChange;
import dev.migsafe.internal.sql.Operation;
import dev.migsafe.internal.sql.OperationHeader;
import org.junit.jupiter.api.Test;

/** Message templates: {@code {name}} filled when the operation has a value for it. */
class FindingSinkTest {
  private final Operation op = addColumn("orders", "total");

  private static Operation addColumn(String table, String column) {
    return new Operation(ColumnChange.added(OperationHeader.of("add-column", 0, 1, 1, null),
        table, column, "integer"));
  }

  @Test
  void fillsKnownPlaceholdersAndKeepsTheRestAsWritten() {
    assertThat(FindingSink.fill("Adding {column} to {table} rewrites {table}", op))
        .isEqualTo("Adding total to orders rewrites orders");
    assertThat(FindingSink.fill("{index} and {nope} stay; {table}", op))
        .isEqualTo("{index} and {nope} stay; orders");
    assertThat(FindingSink.fill("no placeholder", op)).isEqualTo("no placeholder");
    assertThat(FindingSink.fill(null, op)).isNull();
  }

  @Test
  void bracesThatAreNotPlaceholdersStay() {
    assertThat(FindingSink.fill("{{table}} {} {table {1} {table}", op))
        .isEqualTo("{orders} {} {table {1} orders");
    assertThat(FindingSink.fill("ends with {table", op)).isEqualTo("ends with {table");
    assertThat(FindingSink.fill("$1 \\ {table}", op)).isEqualTo("$1 \\ orders");
  }

  @Test
  void aValueIsInsertedLiterally() {
    Operation dollar = addColumn("a$1\\b", "{table}");
    assertThat(FindingSink.fill("{column} on {table}", dollar)).isEqualTo("{table} on a$1\\b");
  }
}
