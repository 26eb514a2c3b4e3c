package dev.migsafe.testing;

/** Small migration packets that tests write to a file and plan or rehearse. */
public final class Packets {
  private Packets() {}

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
