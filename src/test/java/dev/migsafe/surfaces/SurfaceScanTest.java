package dev.migsafe.surfaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Surface;
import dev.migsafe.api.Surface.Access;
import dev.migsafe.api.Surface.Certainty;
import dev.migsafe.internal.surfaces.SkipReason;
import dev.migsafe.internal.surfaces.SurfaceScan;
import dev.migsafe.internal.surfaces.SurfaceTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Surfaces of {@code orders.email} in one small file per language. The files are written for
 * this test (not taken from an application): each holds SQL the way that language's code
 * usually carries it, plus a variable named {@code email} that is not SQL and must not count.
 */
class SurfaceScanTest {
  @TempDir Path repo;

  private static final SurfaceTarget EMAIL = SurfaceTarget.of("orders", "email");

  @Test
  void sqlInTheStringsOfEachLanguageIsFoundAndAPlainVariableIsNot() throws IOException {
    write("src/Orders.java", """
        class Orders {
          String email = "not sql";
          static final String FIND = "SELECT id, email "
              + "FROM orders WHERE id = ?";
          static final String BLOCK = \"""
              UPDATE orders SET email = ? WHERE id = ?
              \""";
        }
        """);
    write("app/orders.kt", "val q = \"SELECT o.email FROM orders o JOIN customers c ON c.id = o.customer_id\"\n");
    write("db/orders.go", "package db\nconst q = `INSERT INTO orders (id, email) VALUES ($1, $2)`\nvar email = \"x\"\n");
    write("app/orders.py", "EMAIL = 'email'\nq = (\"SELECT email \"\n     \"FROM orders WHERE id = %s\")\n");
    write("app/orders.rb", "email = 'x'\nq = \"SELECT email FROM orders WHERE id = #{id}\"\n");
    write("web/orders.ts", "const email = 'x';\nconst q = `SELECT email FROM orders WHERE id = ${id}`;\n");
    write("web/legacy.js", "var q = 'DELETE FROM orders WHERE email = ' + \"?\";\n");
    write("src/orders.rs", "const Q: &str = r#\"SELECT email FROM orders\"#;\n");
    write("Orders.cs", "var q = @\"SELECT email FROM orders WHERE id = @id\";\n");
    write("sql/report.sql", "SELECT count(*) FROM orders WHERE email IS NULL;\n");

    SurfaceScan.Report r = SurfaceScan.scan(List.of(repo), EMAIL);

    assertThat(r.surfaces()).extracting(s -> s.path() + ":" + s.line() + ":" + s.access().id()
            + ":" + s.recognisedBy().id() + ":" + s.certainty().id())
        .containsExactlyInAnyOrder(
            "Orders.cs:1:9:read:sql-string:certain".replace(":9", ""),
            "app/orders.kt:1:read:sql-string:certain",
            "app/orders.py:2:read:sql-string:certain",
            "app/orders.rb:2:read:sql-string:certain",
            "db/orders.go:2:write:sql-string:certain",
            "sql/report.sql:1:read:sql-file:certain",
            "src/Orders.java:3:read:sql-string:certain",
            "src/Orders.java:5:write:sql-string:certain",
            "src/orders.rs:1:read:sql-string:certain",
            "web/legacy.js:1:read:sql-string:certain",
            "web/orders.ts:2:read:sql-string:certain");
    assertThat(r.filesRead()).isEqualTo(10);
  }

  @Test
  void anUnqualifiedColumnOfAJoinIsLikelyAndUnparsableSqlIsNameOnly() throws IOException {
    write("a.py", "q = 'SELECT email FROM orders JOIN customers USING (customer_id)'\n"
        + "r = 'SELECT email FROM orders WHERE email ~~~ ?'\n");
    SurfaceScan.Report r = SurfaceScan.scan(List.of(repo), EMAIL);
    assertThat(r.surfaces()).extracting(Surface::line, Surface::certainty)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Certainty.LIKELY),
            org.assertj.core.groups.Tuple.tuple(2, Certainty.NAME_ONLY));
  }

  @Test
  void rustLineContinuationsAndFormatPlaceholdersStillParse() throws IOException {
    // The shape of lemmy's test setup (crates/diesel_utils/src/schema_setup/mod.rs, AGPL-3.0).
    write("setup.rs", """
        fn f() {
          conn.batch_execute(&format!(
            "INSERT INTO orders (id, email) \\
                 VALUES ({}, '{}')",
            ID, EMAIL
          ));
        }
        """);
    SurfaceScan.Report r = SurfaceScan.scan(List.of(repo), EMAIL);
    assertThat(r.surfaces()).singleElement().satisfies(s -> {
      assertThat(s.certainty()).isEqualTo(Certainty.CERTAIN);
      assertThat(s.access()).isEqualTo(Access.WRITE);
      assertThat(s.line()).isEqualTo(3);
    });
  }

  @Test
  void theWholeTableIsOneSurfacePerStatement() throws IOException {
    write("a.go", "package a\nconst q = `UPDATE orders SET total = 0`\nconst r = `SELECT 1 FROM customers`\n");
    SurfaceScan.Report r = SurfaceScan.scan(List.of(repo), SurfaceTarget.of("ORDERS", null));
    assertThat(r.surfaces()).singleElement().satisfies(s -> {
      assertThat(s.line()).isEqualTo(2);
      assertThat(s.access()).isEqualTo(Access.WRITE);
      assertThat(s.columnName()).isNull();
    });
  }

  @Test
  void badInputIsCountedNotReadAndNeverLeavesTheRoot() throws IOException {
    write(".gitignore", "build/\n*.gen.ts\n!keep.gen.ts\n");
    write("build/Out.java", "class O { String q = \"SELECT email FROM orders\"; }\n");
    write("web/a.gen.ts", "const q = 'SELECT email FROM orders';\n");
    write("web/keep.gen.ts", "const q = 'SELECT email FROM orders';\n");
    Files.write(repo.resolve("bin.py"), new byte[] {'q', '=', 0, 1, 2});
    Files.write(repo.resolve("latin1.py"), "q = 'SELECT email FROM orders -- caf\u00e9'\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    write("min.js", "var q='SELECT email FROM orders';" + "x".repeat(6_000) + "\n");
    Path outside = Files.createTempDirectory("outside");
    Files.writeString(outside.resolve("Secret.java"),
        "class S { String q = \"SELECT email FROM orders\"; }\n");
    Files.createSymbolicLink(repo.resolve("linked"), outside);
    Files.createSymbolicLink(repo.resolve("loop"), repo);

    SurfaceScan.Report r;
    try {
      r = SurfaceScan.scan(List.of(repo), EMAIL);
    } finally {
      Files.delete(repo.resolve("linked"));
      Files.delete(repo.resolve("loop"));
      Files.delete(outside.resolve("Secret.java"));
      Files.delete(outside);
    }

    assertThat(r.surfaces()).extracting(Surface::path).containsExactly("web/keep.gen.ts");
    assertThat(r.skipped()).containsEntry(SkipReason.IGNORED, 2)
        .containsEntry(SkipReason.BINARY, 1).containsEntry(SkipReason.NOT_UTF8, 1)
        .containsEntry(SkipReason.MINIFIED, 1).containsEntry(SkipReason.SYMBOLIC_LINK, 2);
  }

  private static final Path PRISMA_BLOG = Path.of("src/test/resources/surfaces/prisma-blog");

  @Test
  void aPrismaColumnIsFoundThroughItsMappingNotItsName() {
    SurfaceScan.Report r = SurfaceScan.scan(List.of(PRISMA_BLOG),
        SurfaceTarget.of("articles", "read_count"));
    assertThat(r.surfaces()).extracting(s -> s.path() + ":" + s.line() + ":" + s.access().id()
            + ":" + s.recognisedBy().id() + ":" + s.certainty().id())
        .containsExactly(
            "prisma/schema.prisma:20:read-write:orm-mapping:certain",
            "src/api.ts:9:write:orm-field:likely",
            "src/api.ts:19:read:orm-field:likely");
    // is_live: the field isLive inside where (and through OR for headline), never the
    // variable of the same name.
    assertThat(SurfaceScan.scan(List.of(PRISMA_BLOG), SurfaceTarget.of("articles", "is_live"))
        .surfaces()).extracting(Surface::path, Surface::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("prisma/schema.prisma", 19),
            org.assertj.core.groups.Tuple.tuple("src/api.ts", 16));
    assertThat(SurfaceScan.scan(List.of(PRISMA_BLOG), SurfaceTarget.of("articles", "headline"))
        .surfaces()).extracting(Surface::line).containsExactly(17, 17);
  }

  @Test
  void aPrismaTableIsItsModelAndEveryCallOnIt() {
    SurfaceScan.Report r = SurfaceScan.scan(List.of(PRISMA_BLOG), SurfaceTarget.of("authors", null));
    assertThat(r.surfaces()).extracting(s -> s.path() + ":" + s.line() + ":" + s.access().id())
        .containsExactly("prisma/schema.prisma:6:read-write", "src/api.ts:24:write");
  }

  /** A mapper's statements, lines 2 to 11 of the file after the XML declaration. */
  private static final String MAPPER = """
      <mapper namespace="shop.OrderMapper">
        <select id="byEmail" resultType="Order">
          SELECT id, email FROM orders
          <where>
            <if test="email != null">AND email = #{email}</if>
          </where>
        </select>
        <update id="setEmail">
          UPDATE orders SET email = #{email} WHERE id = #{id}
        </update>
      %s</mapper>
      """;

  @Test
  void myBatisMapperStatementsAreRead() throws IOException {
    write("src/main/resources/OrderMapper.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + MAPPER.formatted(""));
    assertThat(SurfaceScan.scan(List.of(repo), EMAIL).surfaces())
        .extracting(s -> s.line() + ":" + s.access().id() + ":" + s.recognisedBy().id()
            + ":" + s.certainty().id())
        .containsExactly("3:read:mybatis-mapper:certain", "9:write:mybatis-mapper:certain");
  }

  @Test
  void aMapperDoctypeIsReadButItsExternalEntityIsNot() throws IOException {
    Path secret = Files.createTempFile("secret", ".txt");
    Files.writeString(secret, "SELECT email FROM orders");
    write("src/main/resources/OrderMapper.xml", "<?xml version=\"1.0\"?>\n"
        + "<!DOCTYPE mapper [ <!ENTITY leak SYSTEM \"file://" + secret + "\"> ]>\n"
        + MAPPER.formatted("  <select id=\"leaked\">&leak;</select>\n"));
    SurfaceScan.Report r;
    try {
      r = SurfaceScan.scan(List.of(repo), EMAIL);
    } finally {
      Files.delete(secret);
    }
    // The statements are read; the secret file's SQL would be a surface at line 13.
    assertThat(r.surfaces()).extracting(Surface::line).containsExactly(4, 10);
  }

  private void write(String rel, String text) throws IOException {
    Path p = repo.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
