package dev.migsafe.cli;

import dev.migsafe.internal.io.AtomicFiles;
import java.nio.file.Path;
import picocli.CommandLine;

/** Where a command's report goes: {@code --out FILE}, written atomically, or standard output. */
final class Output {
  private Output() {}

  static void emit(CommandLine.Model.CommandSpec spec, Path out, String rendered) {
    if (out != null) {
      AtomicFiles.write(out, rendered);
    } else {
      spec.commandLine().getOut().print(rendered);
      spec.commandLine().getOut().flush();
    }
  }
}
