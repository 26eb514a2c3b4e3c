package dev.migsafe.internal.drift;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.pg.ConnectionSpec;
import dev.migsafe.internal.pg.EmbeddedServer;
import dev.migsafe.internal.pg.ExpectedSchema;
import dev.migsafe.internal.pg.PostgresReleases;
import dev.migsafe.internal.pg.SchemaComparison;
import dev.migsafe.internal.pg.SchemaSnapshot;
import dev.migsafe.internal.pg.ServerVersion;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Compares a live schema with the expected DDL. The live schema is read first, in one
 * read-only transaction, and the connection closed before the embedded server starts: the
 * live database is held for as short a time as possible. The expected DDL is built on the live
 * server's major, since type names, defaults and definitions print differently across majors.
 */
public final class DriftCheck {
  private DriftCheck() {}

  /**
   * Runs the check.
   *
   * @param pgBinaries an explicit server binaries jar, or null to locate the pinned one
   */
  public static DriftReport run(ConnectionSpec live, String schema, ExpectedDdl expected,
      Path pgBinaries) {
    int versionNum;
    SchemaSnapshot actual;
    try (Connection c = live.open()) {
      versionNum = ServerVersion.num(c);
      actual = SchemaSnapshot.read(c, schema);
    } catch (SQLException e) {
      throw MigsafeException.badInput("cannot read schema " + schema + " of "
          + live.displayUrl() + ": " + live.scrub(e.getMessage()));
    }
    int major = ServerVersion.major(versionNum);
    int embeddedMajor = PostgresReleases.nearest(major);
    try (EmbeddedServer server = EmbeddedServer.start(embeddedMajor, pgBinaries)) {
      String note = major == embeddedMajor ? null : "the database runs PostgreSQL "
          + ServerVersion.display(versionNum) + ", which migsafe has no server for; the "
          + "expected schema was built on " + server.version() + ", the nearest supported";
      SchemaSnapshot wanted = ExpectedSchema.materialise(server, expected.text(),
          expected.source(), schema);
      return new DriftReport(ServerVersion.display(versionNum), schema, expected.source(),
          server.version(), note, SchemaComparison.compare(wanted, actual));
    }
  }
}
