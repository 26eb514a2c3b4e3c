package dev.migsafe.locks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.Migsafe;
import dev.migsafe.api.Finding;
import dev.migsafe.api.LintOptions;
import dev.migsafe.api.TransactionMode;
import dev.migsafe.internal.pg.SchemaComparison;
import dev.migsafe.internal.pg.SchemaSnapshot;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fixes findings offer, proven on a real PostgreSQL: each statement of
 * {@code lock-oracle/fixes.yaml} and the fix migsafe offers for it are run in fresh schemas
 * over the oracle's setup, on every major version the fix applies to, and must leave the same
 * schema (tables, columns, constraints and whether they are validated, indexes), but for the
 * kinds of difference a case declares, each of which must then appear. The fix must also run:
 * a rewrite PostgreSQL rejects fails here.
 */
class FixOracleTest {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  /** One statement with a fix. */
  record FixForm(String name, String rule, String setup, String sql, String versions,
      List<String> differs) {
    boolean appliesTo(int major) {
      return new OracleForm(name, setup, sql, versions, false, null, null).appliesTo(major);
    }
  }

  record FixFile(List<FixForm> fixes) {}

  @TestFactory
  List<DynamicNode> everyFixLeavesTheSameSchemaAsItsStatement() throws IOException {
    String baseSetup = PgLockOracleTest.load().setup();
    List<FixForm> forms = load().fixes();
    return PostgresServers.perVersion((version, major) -> {
      List<DynamicTest> tests = new ArrayList<>();
      for (FixForm form : forms) {
        if (form.appliesTo(major)) {
          tests.add(DynamicTest.dynamicTest("PostgreSQL " + major + " › " + form.name(),
              () -> check(version, major, baseSetup, form)));
        }
      }
      return tests;
    });
  }

  private static void check(String version, int major, String baseSetup, FixForm form)
      throws Exception {
    String setup = baseSetup + (form.setup() == null ? "" : ";\n" + form.setup());
    String fix = fixOf(major, setup, form);
    DataSource ds = PostgresServers.server(version).getPostgresDatabase();
    SchemaSnapshot statement = run(ds, setup, form.sql());
    SchemaSnapshot fixed = run(ds, setup, fix);
    List<String> kinds = SchemaComparison.compare(statement, fixed).stream()
        .map(d -> d.kind() + ": " + d.message()).toList();
    List<String> declared = form.differs() == null ? List.of() : form.differs();
    assertThat(kinds.stream().map(k -> k.substring(0, k.indexOf(':'))).distinct().sorted())
        .as("differences between the schema after the statement and after the fix:\n" + fix
            + "\n" + kinds)
        .containsExactlyElementsOf(declared.stream().sorted().toList());
  }

  /** migsafe's fix for the form's finding of its rule, linted with the setup as schema. */
  private static String fixOf(int major, String setup, FixForm form) throws IOException {
    Path dir = Files.createTempDirectory("fix-oracle");
    try {
      Path schema = Files.writeString(dir.resolve("schema.sql"), setup);
      Path file = Files.writeString(dir.resolve("case.sql"), form.sql() + ";\n");
      LintOptions options = LintOptions.defaults().withEngineVersion(major)
          .withSchemaFile(schema).withTransactionMode(TransactionMode.NEVER);
      List<Finding> findings = Migsafe.builder().options(options).build().lint(List.of(file))
          .files().get(0).findings();
      Finding x = findings.stream().filter(f -> f.rule().equals(form.rule()) && f.fix() != null)
          .findFirst().orElse(null);
      assertThat(x).as(form.rule() + " with a fix among " + findings).isNotNull();
      return x.fix().sql();
    } finally {
      try (var s = Files.list(dir)) {
        for (Path p : s.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  /** The schema after {@code sql}, each statement committed on its own, in a fresh schema. */
  private static SchemaSnapshot run(DataSource ds, String setup, String sql) throws SQLException {
    String schema = "fix_" + SCHEMAS.incrementAndGet();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(true);
      try (Statement st = c.createStatement()) {
        st.execute("CREATE SCHEMA " + schema);
        st.execute("SET search_path = " + schema);
        for (String s : statements(setup)) {
          st.execute(s);
        }
        for (String s : statements(sql)) {
          st.execute(s);
        }
        return SchemaSnapshot.read(c, schema);
      } finally {
        try (Statement st = c.createStatement()) {
          st.execute("RESET ALL");
          st.execute("DROP SCHEMA " + schema + " CASCADE");
        }
      }
    }
  }

  private static List<String> statements(String sql) {
    return SqlSplitter.split(sql).stream().map(SourceStatement::text).toList();
  }

  private static FixFile load() throws IOException {
    return PostgresServers.yaml("/lock-oracle/fixes.yaml", FixFile.class);
  }
}
