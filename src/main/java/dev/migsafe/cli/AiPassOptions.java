package dev.migsafe.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of {@code ai design|execute|validate|review}, one mixin for all four. */
final class AiPassOptions {
  /** Long enough for a local model on a CPU to write a whole playbook. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(s|m|h)?");

  @Parameters(paramLabel = "PACKET", description = "The migration packet (docs/packet.md).")
  Path packet;

  @Option(names = "--api", paramLabel = "API", description = "ollama (default: Ollama's "
      + "/api/chat) or openai (/chat/completions of llama.cpp's server, vLLM, ...).")
  String api = "ollama";

  @Option(names = "--endpoint", paramLabel = "URL", description = "The model server (default: "
      + "http://127.0.0.1:11434 for ollama, http://127.0.0.1:8080/v1 for openai). Must be on "
      + "this machine unless --allow-remote and the config allow otherwise.")
  String endpoint;

  @Option(names = "--model", paramLabel = "NAME",
      description = "The model's name on the server, e.g. qwen2.5-coder.")
  String model;

  @Option(names = "--timeout", paramLabel = "DURATION", description = "How long to wait for "
      + "the answer: seconds, or with s, m or h (default: 5m).")
  String timeout;

  @Option(names = "--allow-remote", description = "Allow an endpoint on another machine; "
      + ".migsafe.yaml must also say ai: {allow-remote: true}.")
  boolean allowRemote;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Configuration file (default: the nearest .migsafe.yaml from the packet's "
          + "folder up to its repository's root, as lint finds it).")
  Path config;

  @Option(names = "--show-prompt", description = "Print exactly what would be sent to the "
      + "model, and send nothing.")
  boolean showPrompt;

  @Option(names = "--record", paramLabel = "DIR", description = "Save the exchange (prompt, "
      + "answer, model, endpoint, SHA-256 hashes) in DIR, for ai check.")
  Path record;

  @Option(names = "--format", description = "md (default), json or html.")
  AiReport.Format format = AiReport.Format.md;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report here "
      + "(atomically).")
  Path out;

  @Option(names = "--catalog", paramLabel = "DIR", description = "The catalog for similar past "
      + "migrations (default: catalog/ of the working directory if present, else the sample "
      + "catalog shipped with migsafe, which the prompt says).")
  Path catalog;

  @Option(names = "--pg-binaries", paramLabel = "FILE", description = "The check's embedded "
      + "server binaries jar (default: from the local Maven repository, else Maven Central).")
  Path pgBinaries;

  /** {@code --timeout} as a duration; a bad value is a usage error quoting it. */
  Duration timeout(CommandLine cl) {
    if (timeout == null) {
      return DEFAULT_TIMEOUT;
    }
    Matcher m = DURATION.matcher(timeout.strip());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new CommandLine.ParameterException(cl, "--timeout '" + timeout
          + "' is not a duration such as 90, 90s, 5m or 1h");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }
}
