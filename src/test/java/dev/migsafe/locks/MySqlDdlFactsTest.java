package dev.migsafe.locks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.internal.locks.MySqlDdlFacts;
import dev.migsafe.internal.model.ChangeKind;
import dev.migsafe.internal.locks.MySqlDdlFacts.Facts;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** InnoDB's online-DDL algorithm per change, as the MySQL 8.0 and 5.7 manuals give it. */
class MySqlDdlFactsTest {

  @Test
  void addColumnIsInstantFrom8AndInPlaceOn57() {
    assertThat(MySqlDdlFacts.of(Set.of(ChangeKind.ADD_COLUMN), "ALTER TABLE t ADD COLUMN c int", "8.0"))
        .isEqualTo(new Facts("INSTANT", false));
    assertThat(MySqlDdlFacts.of(Set.of(ChangeKind.ADD_COLUMN), "ALTER TABLE t ADD COLUMN c int", "5.7"))
        .isEqualTo(new Facts("INPLACE", true));
  }

  @Test
  void aTypeChangeCopiesTheTableUnlessTheStatementNamesAnAlgorithm() {
    assertThat(MySqlDdlFacts.of(Set.of(ChangeKind.CHANGE_TYPE), "ALTER TABLE t MODIFY c bigint", "8.0"))
        .isEqualTo(new Facts("COPY", true));
    assertThat(MySqlDdlFacts.of(Set.of(ChangeKind.CHANGE_TYPE),
        "alter table t modify c bigint, algorithm=inplace", "8.0"))
        .isEqualTo(new Facts("INPLACE", true));
  }

  @Test
  void theFirstFulltextIndexRebuildsAndOtherIndexesDoNot() {
    assertThat(MySqlDdlFacts.of(Set.of(ChangeKind.ADD_INDEX),
        "ALTER TABLE t ADD FULLTEXT INDEX ft (body)", "8.0")).isEqualTo(new Facts("INPLACE", true));
    assertThat(MySqlDdlFacts.of(Set.of(ChangeKind.ADD_INDEX), "CREATE INDEX i ON t (c)", "8.0"))
        .isEqualTo(new Facts("INPLACE", false));
  }

  @Test
  void statementsThatAreNotOnlineDdlHaveNoFacts() {
    assertThat(MySqlDdlFacts.of(Set.of(ChangeKind.BACKFILL), "UPDATE t SET c = 1", "8.0")).isNull();
  }
}
