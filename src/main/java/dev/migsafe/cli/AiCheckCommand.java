package dev.migsafe.cli;

import dev.migsafe.Migsafe;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.ai.Exchange;
import dev.migsafe.internal.ai.ReviewedAnswer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code migsafe ai check DIR}: re-verifies recorded answers without asking any model. The
 * same verification as the pass commands, on the answer text as recorded (its hash checked).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Re-verify the answers recorded with --record (a directory of exchanges, "
        + "or one file) offline: no model is asked; the verdicts are computed again.")
final class AiCheckCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", description = "A --record directory, or one exchange file.")
  Path path;

  @Option(names = "--packet", paramLabel = "FILE", description = "The packet to verify "
      + "against (default: the path each exchange recorded).")
  Path packet;

  @Option(names = "--format", description = "md (default), json or html.")
  AiReport.Format format = AiReport.Format.md;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report here "
      + "(atomically).")
  Path out;

  @Option(names = "--catalog", paramLabel = "DIR", description = "The catalog (as for the "
      + "passes).")
  Path catalog;

  @Option(names = "--pg-binaries", paramLabel = "FILE", description = "The check's embedded "
      + "server binaries jar.")
  Path pgBinaries;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<Path> files = exchanges(path);
    Migsafe migsafe = Migsafe.builder().catalog(catalog).build();
    PrintWriter err = spec.commandLine().getErr();
    List<ReviewedAnswer> reviewed = new ArrayList<>();
    for (Path f : files) {
      Exchange e = Exchange.read(f);
      Path p = packet != null ? packet : Path.of(e.packet());
      if (!Files.isRegularFile(p)) {
        throw MigsafeException.badInput(f + ": packet: " + p + " does not exist; pass "
            + "--packet FILE");
      }
      if (!Exchange.sha256(p).equals(e.packetSha256())) {
        err.println("migsafe: " + f + ": the packet " + p + " changed since the exchange was "
            + "recorded; the answer is verified against the packet as it is now");
        err.flush();
      }
      reviewed.add(AiReport.review(migsafe, e.pass(), p, f.toString(), e.reply(), pgBinaries,
          err, e.api(), e.endpoint(), f.toString()));
    }
    return AiReport.emit(reviewed, format, out, spec);
  }

  private static List<Path> exchanges(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw MigsafeException.badInput(path + ": no such directory or exchange file");
    }
    try (Stream<Path> s = Files.list(path)) {
      List<Path> files = s.filter(f -> f.getFileName().toString().endsWith(".json"))
          .filter(Files::isRegularFile).sorted().toList();
      if (files.isEmpty()) {
        throw MigsafeException.badInput(path + ": no recorded exchange (*.json) in this "
            + "directory");
      }
      return files;
    } catch (IOException e) {
      throw MigsafeException.badInput(path + ": cannot be listed: " + e.getMessage());
    }
  }
}
