package dev.migsafe.cli;

import dev.migsafe.Migsafe;
import dev.migsafe.api.AiPass;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.PassPrompt;
import dev.migsafe.api.RuleInfo;
import dev.migsafe.internal.ai.EndpointPolicy;
import dev.migsafe.internal.ai.Exchange;
import dev.migsafe.internal.ai.ModelApi;
import dev.migsafe.internal.ai.ModelClient;
import dev.migsafe.internal.ai.ModelEndpoint;
import dev.migsafe.internal.ai.ModelReply;
import dev.migsafe.internal.ai.ReviewedAnswer;
import dev.migsafe.internal.config.ConfigLoader;
import dev.migsafe.internal.config.ConfigSearch;
import dev.migsafe.internal.config.ProjectConfig;
import dev.migsafe.internal.io.AtomicFiles;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code migsafe ai design|execute|validate|review PACKET} and {@code migsafe ai check DIR}:
 * one of the four passes asked of a model, and its answer checked part by part.
 */
@Command(name = "ai", mixinStandardHelpOptions = true,
    description = {"Ask a model (Ollama, or an OpenAI-compatible server) one of four passes "
        + "over a packet, grounded in migsafe's facts, and mark each part of its answer "
        + "verified, refuted or unverified by migsafe's own checks.",
        "AI output never passes a gate: the human review stays required."},
    subcommands = AiCheckCommand.class)
final class AiCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a pass is required: design, execute, validate, review (or check DIR)");
  }

  @Command(name = "design", mixinStandardHelpOptions = true, description = "The compatibility "
      + "strategy: phases, their SQL, and whether the old and new application work with each.")
  int design(@Mixin AiPassOptions o) {
    return run(AiPass.DESIGN, o);
  }

  @Command(name = "execute", mixinStandardHelpOptions = true, description = "The phased steps, "
      + "each with its SQL, rollback SQL and why; all of it checked as one migration.")
  int execute(@Mixin AiPassOptions o) {
    return run(AiPass.EXECUTION, o);
  }

  @Command(name = "validate", mixinStandardHelpOptions = true, description = "Integrity "
      + "queries tied to the packet's invariants, checked for form and names.")
  int validate(@Mixin AiPassOptions o) {
    return run(AiPass.VALIDATION, o);
  }

  @Command(name = "review", mixinStandardHelpOptions = true, description = "An independent "
      + "challenge of rollback realism and blast radius, its lock claims checked.")
  int review(@Mixin AiPassOptions o) {
    return run(AiPass.SAFETY, o);
  }

  private int run(AiPass pass, AiPassOptions o) {
    CommandLine cl = spec.commandLine().getSubcommands().get(pass.command());
    ModelApi api = ModelApi.of(o.api);
    if (api == null) {
      throw new CommandLine.ParameterException(cl, "--api '" + o.api
          + "' is not one of ollama, openai");
    }
    String endpoint = o.endpoint == null ? api.defaultEndpoint() : o.endpoint;
    java.time.Duration timeout = o.timeout(cl);
    if (!Files.isRegularFile(o.packet)) {
      throw MigsafeException.badInput(o.packet + ": no such packet file");
    }
    Migsafe migsafe = Migsafe.builder().catalog(o.catalog).build();
    PassPrompt prompt = migsafe.passPrompt(pass, o.packet);
    if (o.showPrompt) {
      cl.getOut().print(shown(prompt, api, endpoint, o.model));
      cl.getOut().flush();
      return ExitCode.OK.code();
    }
    URI uri = EndpointPolicy.check(endpoint, o.allowRemote,
        () -> config(o.config, o.packet, migsafe).ai().allowRemote());
    if (o.model == null || o.model.isBlank()) {
      throw new CommandLine.ParameterException(cl, "--model is required: the model's name on "
          + "the server, e.g. qwen2.5-coder");
    }
    ModelEndpoint target = new ModelEndpoint(api, uri, o.model, timeout);
    ModelReply reply = ModelClient.of(target, System.getenv()).ask(prompt);
    String exchange = null;
    if (o.record != null) {
      Exchange e = new Exchange(Migsafe.version(), Instant.now(), pass, o.packet.toString(),
          Exchange.sha256(o.packet), api.id(), endpoint, o.model, reply.model(), prompt,
          reply.text(), reply.truncated());
      exchange = record(o.record, e).toString();
    }
    PrintWriter err = cl.getErr();
    ReviewedAnswer reviewed = AiReport.review(migsafe, pass, o.packet, "answer", reply,
        o.pgBinaries, err, api.id(), endpoint, exchange);
    return AiReport.emit(List.of(reviewed), o.format, o.out, spec);
  }

  /**
   * The prompt as it goes on the wire: the two messages and the answer's schema, which the
   * client sends as Ollama's {@code format} or OpenAI's {@code response_format.json_schema}.
   */
  static String shown(PassPrompt prompt, ModelApi api, String endpoint, String model) {
    return "# migsafe ai " + prompt.pass().command() + ": what would be sent (nothing was "
        + "sent)\n# to: " + endpoint + " (" + api.id() + " API), model "
        + (model == null ? "(--model not given)" : model) + "\n\n"
        + "=== system message ===\n" + prompt.system()
        + "\n=== user message ===\n" + prompt.user()
        + "\n=== answer format (JSON Schema, sent as "
        + (api == ModelApi.OLLAMA ? "format" : "response_format.json_schema.schema")
        + ") ===\n" + prompt.answerSchema() + "\n";
  }

  private static Path record(Path dir, Exchange e) {
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException ex) {
      throw MigsafeException.badInput(dir + ": cannot create the record directory: "
          + ex.getMessage());
    }
    Path file = dir.resolve(e.fileName());
    AtomicFiles.write(file, e.toJson());
    return file;
  }

  /**
   * The project configuration; read only when a remote endpoint asks whether it may. Found as
   * lint finds it for the packet's path: {@code --config}, else the nearest {@code
   * .migsafe.yaml} from the packet's folder up to its repository's root.
   */
  private static ProjectConfig config(Path explicit, Path packet, Migsafe migsafe) {
    if (explicit != null && !Files.isRegularFile(explicit)) {
      throw MigsafeException.badInput(explicit + ": no such configuration file");
    }
    java.util.Optional<Path> file = explicit != null ? java.util.Optional.of(explicit)
        : ConfigSearch.forPaths(List.of(packet.toString()), Path.of(""));
    return file.map(f -> ConfigLoader.load(f, migsafe.rules().stream().map(RuleInfo::id)
        .collect(Collectors.toSet()))).orElse(ProjectConfig.empty());
  }
}
