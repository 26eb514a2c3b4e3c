package dev.migsafe.cli;

import dev.migsafe.internal.render.SurfaceRenderer;
import dev.migsafe.internal.surfaces.SurfaceScan;
import dev.migsafe.internal.surfaces.SurfaceTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code migsafe surfaces --table T [--column C] REPO...}. */
@Command(name = "surfaces", mixinStandardHelpOptions = true,
    description = "The places in code repositories that read or write a table or column: SQL "
        + "in string literals of Java, Kotlin, Go, Python, Ruby, TypeScript, JavaScript, Rust "
        + "and C#, statements of .sql files, Prisma schemas and Prisma client calls.")
final class SurfacesCommand implements Callable<Integer> {
  /** Output formats of surfaces. */
  enum Format { text, md, json }

  @Parameters(paramLabel = "REPO", arity = "1..*",
      description = "Repository folders to scan; .gitignore rules apply, links are not followed.")
  List<Path> roots = new ArrayList<>();

  @Option(names = "--table", required = true, paramLabel = "NAME",
      description = "The table, as in SQL (unquoted names fold to lower case).")
  String table;

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
    SurfaceScan.Report report = SurfaceScan.scan(roots, SurfaceTarget.of(table, column));
    String rendered = switch (format) {
      case text -> SurfaceRenderer.text(report);
      case md -> SurfaceRenderer.markdown(report);
      case json -> SurfaceRenderer.json(report);
    };
    Output.emit(spec, out, rendered);
    return ExitCode.OK.code();
  }
}
