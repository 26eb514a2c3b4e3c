package dev.migsafe.cli;

import dev.migsafe.Migsafe;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.Plan;
import dev.migsafe.api.PlanOptions;
import dev.migsafe.internal.render.SurfaceRenderer;
import dev.migsafe.internal.surfaces.SurfaceScan;
import dev.migsafe.internal.surfaces.SurfaceTarget;
import dev.migsafe.internal.surfaces.SurfaceTargets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code migsafe surfaces (--table T [--column C] | --sql F | --packet P) REPO...}. */
@Command(name = "surfaces", mixinStandardHelpOptions = true,
    description = "The places in code repositories that read or write a table or column: SQL "
        + "in string literals of Java, Kotlin, Go, Python, Ruby, TypeScript, JavaScript, Rust "
        + "and C#, statements of .sql files and MyBatis mappers, Prisma schemas and Prisma client calls.")
final class SurfacesCommand implements Callable<Integer> {
  /** Output formats of surfaces. */
  enum Format { text, md, json }

  @Parameters(paramLabel = "REPO", arity = "1..*",
      description = "Repository folders to scan; .gitignore rules apply, links are not followed.")
  List<Path> roots = new ArrayList<>();

  @Option(names = "--table", paramLabel = "NAME",
      description = "The table, as in SQL (unquoted names fold to lower case).")
  String table;

  @Option(names = "--sql", paramLabel = "FILE", description = "A migration: look for what its "
      + "statements drop, rename or narrow (columns, tables, enum values).")
  Path sql;

  @Option(names = "--packet", paramLabel = "FILE", description = "A migration packet "
      + "(docs/packet.md): look for what its changes drop, rename or narrow.")
  Path packet;

  @Option(names = "--column", paramLabel = "NAME",
      description = "One column of the table (default: every use of the table).")
  String column;

  @Option(names = "--format", description = "text, md or json (default: text).")
  Format format = Format.text;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the answer here instead "
      + "of standard output (atomically).")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<SurfaceTarget> targets = targets();
    if (targets.isEmpty()) {
      Output.emit(spec, out, format == Format.json ? "{\n  \"schemaVersion\" : 1,\n"
          + "  \"targets\" : [ ]\n}\n" : "nothing to look for: the migration drops, renames "
          + "or narrows no column, table or enum value\n");
      return ExitCode.OK.code();
    }
    SurfaceScan.Report report = SurfaceScan.scan(roots, targets);
    String rendered = switch (format) {
      case text -> SurfaceRenderer.text(report);
      case md -> SurfaceRenderer.markdown(report);
      case json -> SurfaceRenderer.json(report);
    };
    Output.emit(spec, out, rendered);
    return ExitCode.OK.code();
  }

  /** Exactly one of --table, --sql and --packet says what to look for. */
  private List<SurfaceTarget> targets() {
    int given = (table != null ? 1 : 0) + (sql != null ? 1 : 0) + (packet != null ? 1 : 0);
    if (given != 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give exactly one of --table NAME, --sql FILE or --packet FILE");
    }
    if (column != null && table == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--column needs --table");
    }
    if (table != null) {
      return List.of(SurfaceTarget.of(table, column));
    }
    if (sql != null) {
      if (!Files.isRegularFile(sql)) {
        throw MigsafeException.badInput(sql + ": no such SQL file");
      }
      try {
        return SurfaceTargets.of(sql.toString(), Files.readString(sql));
      } catch (IOException e) {
        throw MigsafeException.badInput(sql + ": cannot be read as UTF-8 text");
      }
    }
    if (!Files.isRegularFile(packet)) {
      throw MigsafeException.badInput(packet + ": no such packet file");
    }
    Plan plan = Migsafe.builder().build().plan(packet, new PlanOptions(null, null));
    return SurfaceTargets.of(plan.changes());
  }
}
