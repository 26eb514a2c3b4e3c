package dev.migsafe.cli;

import dev.migsafe.internal.scaffold.MigrationLayout;
import dev.migsafe.internal.scaffold.ProjectStarter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code migsafe init [DIR]}. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Write a starting .migsafe.yaml and a migration packet skeleton for the "
        + "newest migration found under DIR (Flyway db/migration, golang-migrate, diesel, "
        + "Prisma), with the packet's JSON Schema for editors. Never overwrites a file "
        + "without --force.")
final class InitCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", arity = "0..1", description = "The project folder "
      + "(default: the working directory).")
  Path dir = Path.of(".");

  @Option(names = "--packet", paramLabel = "FILE", description = "Where to write the packet "
      + "skeleton (default: DIR/packet.yaml).")
  Path packet;

  @Option(names = "--force", description = "Overwrite files that exist.")
  boolean force;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ProjectStarter.Started started = ProjectStarter.start(dir, packet, force);
    PrintWriter out = spec.commandLine().getOut();
    MigrationLayout layout = started.layout();
    if (layout == null) {
      out.println("No migrations found under " + dir + "; the packet gives a current and a "
          + "target schema to fill in.");
    } else {
      out.println("Found " + layout.toolName() + " migrations in " + layout.folder()
          + "; newest: " + layout.newest());
    }
    started.written().forEach(p -> out.println("wrote " + p));
    started.unchanged().forEach(p -> out.println("unchanged " + p));
    out.println("Next: fill in the packet (docs/packet.md), then migsafe plan "
        + (packet != null ? packet : dir.resolve("packet.yaml")));
    if (layout != null) {
      out.println("      and lint the migrations: migsafe lint " + layout.folder());
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
