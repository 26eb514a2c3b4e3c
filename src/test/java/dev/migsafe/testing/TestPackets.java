package dev.migsafe.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small PostgreSQL 16 packets for tests: the required header, the two schemas, the rest. */
public final class TestPackets {
  private TestPackets() {}

  /**
   * Writes {@code packet.yaml} into {@code dir}.
   *
   * @param rest further top-level YAML (renames, tables, ...), ending with a newline
   */
  public static Path write(Path dir, String current, String target, String rest)
      throws IOException {
    Path packet = dir.resolve("packet.yaml");
    Files.writeString(packet, String.join("\n",
        "apiVersion: migsafe/v1",
        "kind: MigrationPacket",
        "id: test-packet",
        "title: a packet written by a test",
        "owner: team-x",
        "reviewers: [dba]",
        "dialect: postgresql",
        "engineVersion: \"16\"",
        "schema:",
        "  current: |",
        current.indent(4).stripTrailing(),
        "  target: |",
        target.indent(4).stripTrailing(),
        "") + rest);
    return packet;
  }

  /**
   * events.id from the column definition {@code from} to {@code to} (e.g. {@code serial},
   * {@code bigint GENERATED ALWAYS AS IDENTITY}), on PostgreSQL 16, on a table large enough
   * for the copy-and-swap key recipe.
   */
  public static String identityKey(String from, String to) {
    return """
        apiVersion: migsafe/v1
        kind: MigrationPacket
        id: events-identity
        title: events.id becomes %2$s
        owner: team-x
        reviewers: [dba]
        dialect: postgresql
        engineVersion: "16"
        schema:
          current: |
            CREATE TABLE events (id %1$s PRIMARY KEY, body text NOT NULL);
          target: |
            CREATE TABLE events (id %2$s PRIMARY KEY, body text NOT NULL);
        tables:
          events: {rows: 30000000, sizeGb: 6, writesPerSecond: 50, readsPerSecond: 50}
        """.formatted(from, to);
  }
}
