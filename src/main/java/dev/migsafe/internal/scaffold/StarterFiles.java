package dev.migsafe.internal.scaffold;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The text of the files {@code init} writes. Both load as they are ({@code ConfigLoader},
 * {@code PacketLoader}, {@code docs/schema/packet.schema.json}); what a team must fill in is
 * a commented line or a placeholder the plan shows, never a value that fails to load.
 */
final class StarterFiles {
  /** The packet's schema, written beside the packet so that editors need no network. */
  static final String PACKET_SCHEMA = ".migsafe/packet.schema.json";

  private StarterFiles() {}

  static String config(MigrationLayout layout, Path base) {
    StringBuilder sb = new StringBuilder("""
        # migsafe configuration: every key is optional and command-line flags override it
        # (README, "Suppressions and configuration").
        """);
    if (layout != null) {
      sb.append("# Migrations: ").append(slashes(base.relativize(layout.folder())))
          .append(" (").append(layout.toolName()).append("); lint them with\n#   migsafe lint ")
          .append(slashes(base.relativize(layout.folder()))).append('\n');
    }
    sb.append("""
        engineVersion: 17       # PostgreSQL major version in production, 10 to 17
        failOn: high            # blocker | high | medium | low | info
        transaction: auto       # auto | always | never (auto: Flyway, Prisma and diesel wrap each file)
        # disable: [pg-prefer-bigint]
        # severity:
        #   pg-rename-column: low
        """);
    return sb.toString();
  }

  /**
   * A packet for the newest migration: its statements under {@code migration}, so that no
   * target schema is needed yet, and the current schema as an inline placeholder until the team
   * points it at a {@code pg_dump --schema-only}.
   */
  static String packet(MigrationLayout layout, Path packetFile) {
    Path dir = packetFile.toAbsolutePath().getParent();
    String name = layout == null ? "my-change" : stem(layout.newest());
    StringBuilder sb = new StringBuilder();
    sb.append("# yaml-language-server: $schema=")
        .append(slashes(dir.relativize(dir.resolve(PACKET_SCHEMA)))).append('\n');
    sb.append("# A migration packet (docs/packet.md): fill it in, then run\n#   migsafe plan ")
        .append(packetFile.getFileName()).append('\n');
    sb.append("apiVersion: migsafe/v1\nkind: MigrationPacket\n");
    sb.append("id: ").append(id(name)).append('\n');
    // The title drops the tool's version prefix (V42__, 20240101_), which the id keeps.
    String title = name.replaceFirst("(?i)^V[0-9._]*__", "").replaceFirst("^[0-9]+_", "")
        .replace('_', ' ').replaceAll("\\p{Cntrl}", "?");
    sb.append("title: ").append(yamlText(title)).append('\n');
    sb.append("owner: my-team             # the team that owns the change\n");
    sb.append("dialect: postgresql\nengineVersion: \"17\"       # production's major version\n");
    sb.append("intent: |\n  What changes and why, in a few lines.\n\n");
    sb.append("""
        schema:
          # The schema before the change, as DDL: a path relative to this file, e.g.
          # schema/current.sql from `pg_dump --schema-only`, or inline SQL as below.
          current: |
            -- the current schema goes here
        """);
    if (layout == null) {
      sb.append("""
            # The schema after the change, or leave it out and list the statements under
            # migration.
            target: |
              -- the target schema goes here
          """);
    } else {
      sb.append("# The team's statements, linted as written (").append(layout.toolName())
          .append(", the newest migration).\nmigration:\n  - file: ")
          .append(yamlText(slashes(dir.relativize(layout.newest().toAbsolutePath()))))
          .append('\n');
    }
    sb.append("""

        # The workload of each touched table: the estimates and the rehearsal use it.
        # tables:
        #   orders: {rows: 120000000, sizeGb: 40, writesPerSecond: 300, readsPerSecond: 2000}

        # Steps are placed outside peak windows, in this time zone.
        # traffic:
        #   timezone: UTC
        #   peakWindows:
        #     - {days: [mon, tue, wed, thu, fri], from: "08:00", to: "20:00"}

        # Services that read or write the tables, column by column.
        # consumers:
        #   - {service: orders-api, owner: my-team, reads: [orders.id], acknowledged: false}

        constraints:
          maxLockWait: 2s
          maxStatementTime: 30s
        """);
    return sb.toString();
  }

  /** A packet id from a migration's name: lower case, kebab-case like the examples' ids. */
  static String id(String name) {
    String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-")
        .replaceAll("^[^a-z0-9]+", "").replaceAll("-+$", "");
    if (id.isEmpty()) {
      id = "my-change";
    }
    return id.length() > 80 ? id.substring(0, 80) : id;
  }

  /** The migration's own name: its file name, or its folder's for diesel and Prisma. */
  private static String stem(Path newest) {
    String file = newest.getFileName().toString();
    String lower = file.toLowerCase(Locale.ROOT);
    if (lower.equals("up.sql") || lower.equals("migration.sql")) {
      return newest.getParent().getFileName().toString();
    }
    return file.replaceFirst("(?i)(\\.up)?\\.sql$", "");
  }

  /** A double-quoted YAML scalar: a file name may hold a colon or a hash. */
  private static String yamlText(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * A path with forward slashes and without control characters: it goes into comments and
   * quoted scalars, where a line break in a file name would end the line.
   */
  private static String slashes(Path p) {
    return p.toString().replace('\\', '/').replaceAll("\\p{Cntrl}", "?");
  }
}
