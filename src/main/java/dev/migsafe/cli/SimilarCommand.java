package dev.migsafe.cli;

import dev.migsafe.Migsafe;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.SimilarQuery;
import dev.migsafe.api.SimilarResult;
import dev.migsafe.api.SkippedRecord;
import dev.migsafe.internal.io.AtomicFiles;
import dev.migsafe.internal.render.SimilarRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code migsafe similar [TEXT] [--sql F] [--packet P]}. */
@Command(name = "similar", mixinStandardHelpOptions = true,
    description = "Past migrations in the catalog most like a SQL file, a packet or a text, "
        + "with their outcome, lesson and why they matched.")
final class SimilarCommand implements Callable<Integer> {
  /** Output formats of similar. */
  enum Format { text, md, json }

  @Parameters(paramLabel = "TEXT", arity = "0..*",
      description = "Free text, e.g. \"set not null on a big payments table\".")
  List<String> text = new ArrayList<>();

  @Option(names = "--sql", paramLabel = "FILE", description = "Migration SQL to compare.")
  Path sql;

  @Option(names = "--packet", paramLabel = "FILE",
      description = "A migration packet (docs/packet.md) to compare.")
  Path packet;

  @Option(names = "--limit", paramLabel = "N", description = "At most N results, 1 to 100 "
      + "(default: 5).")
  int limit = 5;

  @Option(names = "--catalog", paramLabel = "DIR", description = "The catalog (default: "
      + "catalog/ of the working directory if present, else the catalog shipped with migsafe).")
  Path catalog;

  @Option(names = "--dialect", description = "postgresql or mysql: the dialect of --sql "
      + "(default: read from the SQL, else postgresql).")
  String dialect;

  @Option(names = "--engine-version", paramLabel = "V",
      description = "Server version of --sql, e.g. 15 or 8.0.")
  String engineVersion;

  @Option(names = "--format", description = "text, md or json (default: text).")
  Format format = Format.text;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the answer here instead "
      + "of standard output (atomically).")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (dialect != null && !dialect.equals("postgresql") && !dialect.equals("mysql")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--dialect '" + dialect + "' is not one of postgresql, mysql");
    }
    if (limit < 1 || limit > 100) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--limit '" + limit + "' is not between 1 and 100");
    }
    SimilarQuery query = new SimilarQuery(text.isEmpty() ? null : String.join(" ", text),
        sql == null ? null : read(sql), packet, dialect, engineVersion);
    if (query.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "give something to compare: a TEXT, --sql FILE or --packet FILE");
    }
    if (packet != null && !Files.isRegularFile(packet)) {
      throw MigsafeException.badInput(packet + ": no such packet file");
    }
    SimilarResult result = Migsafe.builder().catalog(catalog).build().similar(query, limit);
    PrintWriter err = spec.commandLine().getErr();
    for (SkippedRecord s : result.skipped()) {
      s.problems().forEach(p -> err.println("migsafe: skipped " + p));
    }
    result.warnings().forEach(w -> err.println("migsafe: warning: " + w));
    err.flush();
    String rendered = switch (format) {
      case text -> SimilarRenderer.text(result);
      case md -> SimilarRenderer.markdown(result);
      case json -> SimilarRenderer.json(result);
    };
    if (out != null) {
      AtomicFiles.write(out, rendered);
    } else {
      spec.commandLine().getOut().print(rendered);
      spec.commandLine().getOut().flush();
    }
    return ExitCode.OK.code();
  }

  private static String read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw MigsafeException.badInput(file + ": no such SQL file");
    }
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw MigsafeException.badInput(file + ": cannot be read as UTF-8 text: " + e.getMessage());
    }
  }
}
