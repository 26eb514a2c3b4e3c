package dev.migsafe.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.internal.model.ChangeKind;
import dev.migsafe.internal.sql.Operation;
import dev.migsafe.internal.sql.OperationKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The reader's operation kinds as an enum, with the change kind each makes. */
class OperationKindTest {
  /** {@code kind == "add-column"}, {@code kind != "x"}, {@code kind in ("a", "b")} in DRL. */
  private static final Pattern KIND_TEST =
      Pattern.compile("\\bkind\\s*(?:==|!=)\\s*\"([^\"]+)\"|\\bkind\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

  @Test
  void everyKindARuleComparesIsOneTheReaderNames() throws IOException {
    List<String> unknown = new ArrayList<>();
    List<Path> drl;
    try (Stream<Path> s = Files.walk(Path.of("rules"))) {
      drl = s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
    }
    assertThat(drl).hasSizeGreaterThan(20);
    int compared = 0;
    for (Path p : drl) {
      Matcher m = KIND_TEST.matcher(Files.readString(p));
      while (m.find()) {
        List<String> kinds = new ArrayList<>();
        if (m.group(1) != null) {
          kinds.add(m.group(1));
        } else {
          Matcher q = QUOTED.matcher(m.group(2));
          while (q.find()) {
            kinds.add(q.group(1));
          }
        }
        for (String k : kinds) {
          compared++;
          if (OperationKind.of(k) == OperationKind.OTHER) {
            unknown.add(p + ": " + k);
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(20);
    assertThat(unknown).as("kinds compared in DRL that no operation has").isEmpty();
  }

  @Test
  void aKindNamedLikeAChangeKindMakesThatChange() {
    List<String> differ = new ArrayList<>();
    for (OperationKind k : OperationKind.values()) {
      ChangeKind same = ChangeKind.parse(k.id());
      // add-constraint is the one whose change its constraint type decides (null here).
      if (same != null && k != OperationKind.ADD_CONSTRAINT && k.changeKind() != same) {
        differ.add(k.id() + " -> " + k.changeKind());
      }
    }
    assertThat(differ).isEmpty();
  }

  @Test
  void theChangeKindIsDecidedOnceWithTheKind() {
    Operation op = only("ALTER TABLE t ALTER COLUMN c TYPE bigint");
    assertThat(op.getOperationKind()).isEqualTo(OperationKind.ALTER_COLUMN_TYPE);
    assertThat(op.getOperationKind().changeKind()).isEqualTo(ChangeKind.CHANGE_TYPE);
    assertThat(only("CREATE INDEX i ON t (c)").getOperationKind().changeKind())
        .isEqualTo(ChangeKind.ADD_INDEX);
    // The fields decide a constraint's change kind, so the kind alone gives none.
    assertThat(OperationKind.ADD_CONSTRAINT.changeKind()).isNull();
  }

  @Test
  void aRarerFormKeepsItsNameForTheRules() {
    Operation op = only("ALTER SEQUENCE s RESTART");
    assertThat(op.getOperationKind()).isEqualTo(OperationKind.OTHER);
    assertThat(op.getKind()).isEqualTo("alter-sequence");
  }

  @Test
  void idsAreUnique() {
    List<String> ids = java.util.Arrays.stream(OperationKind.values()).map(OperationKind::id)
        .filter(java.util.Objects::nonNull).toList();
    assertThat(new TreeSet<>(ids)).hasSameSizeAs(ids);
  }

  private static Operation only(String sql) {
    List<Operation> ops = dev.migsafe.internal.sql.PgStatementReader
        .read(dev.migsafe.internal.sql.SqlSplitter.split(sql).get(0)).operations();
    assertThat(ops).hasSize(1);
    return ops.get(0);
  }
}
