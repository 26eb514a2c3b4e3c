package dev.migsafe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint} to standard output streams its formats as the run goes; with {@code --out} it
 * renders the whole result, as it always did. The two paths must write the same bytes, for
 * every streamed format, over several files with findings, suppressions, unparsed statements
 * and statements of different scopes.
 */
class StreamedLintOutputTest {
  @TempDir Path dir;

  private Path folder() throws IOException {
    Path migrations = dir.resolve("db");
    Files.createDirectories(migrations);
    Files.writeString(migrations.resolve("V1__orders.sql"), """
        CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);
        ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
        """);
    Files.writeString(migrations.resolve("V2__index.sql"), """
        -- migsafe:ignore pg-create-index-non-concurrently the table is empty in every environment
        CREATE INDEX orders_total_idx ON orders (total);
        ALTER TABLE orders ALTER COLUMN total TYPE bigint;
        SELEC 1;
        """);
    Files.writeString(migrations.resolve("V3__customers.sql"), """
        SET lock_timeout = '2s';
        ALTER TABLE customers ADD COLUMN vip boolean NOT NULL;
        UPDATE customers SET vip = false;
        """);
    return migrations;
  }

  @Test
  void everyStreamedFormatWritesWhatTheWholeResultRenders() throws IOException {
    Path migrations = folder();
    List<List<String>> variants = List.of(List.of("--format", "json"),
        List.of("--format", "sarif"), List.of("--format", "compact"), List.of("--format", "text"),
        List.of("--format", "text", "--verbose"), List.of("--format", "text", "--explain"));
    for (List<String> variant : variants) {
      List<String> args = new ArrayList<>(List.of("lint", migrations.toString()));
      args.addAll(variant);
      CliRunner.Run streamed = CliRunner.run(args.toArray(String[]::new));
      Path out = dir.resolve("out.txt");
      args.addAll(List.of("--out", out.toString()));
      CliRunner.Run whole = CliRunner.run(args.toArray(String[]::new));
      assertThat(streamed.exit()).as(variant.toString()).isEqualTo(1).isEqualTo(whole.exit());
      assertThat(streamed.out()).as(variant.toString()).isNotBlank()
          .isEqualTo(Files.readString(out));
    }
  }

  @Test
  void aRunRefusedBeforeAnyFileWritesNoHalfDocument() {
    CliRunner.Run r = CliRunner.run("lint", "--format", "json", dir.resolve("nope.sql").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
  }
}
