package dev.migsafe.cli;

import dev.migsafe.Migsafe;
import dev.migsafe.api.MigsafeException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code migsafe} command. {@code main} only exits with what {@link #run} returns. */
@Command(
    name = "migsafe",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Makes database migrations safe: exact locks, rewrites and scans of every "
        + "statement, judged by a rule base, with safer alternatives.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing at or above the failure threshold",
      "1:findings at or above the threshold (--fail-on, default high); plan: also a gate "
          + "blocked or failed; ai: migsafe refuted part of the model's answer",
      "2:bad input or usage, including no command and no migration file found; ai: a "
          + "remote endpoint without consent, a model that did not answer usably",
      "3:internal error, or out of memory (give the JVM more with -Xmx)"
    })
public final class Main implements Callable<Integer> {
  /**
   * Every command, in the order help lists them. Not in the annotation: picocli would build
   * the model of every one by reflection at each start, an eighth of a one-file lint's wall time,
   * when a run needs the one it names ({@link #commandLine(String...)}).
   */
  static final List<Class<?>> COMMANDS = List.of(LintCommand.class, PlanCommand.class,
      SimilarCommand.class, SurfacesCommand.class, OutcomeCommand.class, ReportCommand.class,
      RulesCommand.class, DriftCommand.class, RehearseCommand.class, CheckCommand.class,
      InitCommand.class, AiCommand.class, McpCommand.class);

  @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // The run's own thread reports running out of memory in run. On a background thread (a
    // rehearsal's workload, the SQL parser's watchdog) the error would end that thread only,
    // with a stack trace: it is reported the same way, and the process exits 3 however the run
    // went on. Not System.exit here: on a shutdown hook's thread that blocks forever.
    AtomicBoolean outOfMemory = new AtomicBoolean();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      OutOfMemoryError oom = OutOfMemory.in(e);
      if (oom != null) {
        outOfMemory.set(true);
        OutOfMemory.report(new PrintWriter(System.err, true), oom,
            List.of(args).contains("--debug"));
        return;
      }
      System.err.print("Exception in thread \"" + thread.getName() + "\" ");
      e.printStackTrace();
    });
    int code = run(args);
    System.exit(outOfMemory.get() ? ExitCode.INTERNAL.code() : code);
  }

  /** Runs the command line with the process's standard streams. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line with the given streams and returns the exit code; never exits. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    // Building picocli's model of every command by reflection is more than half of a
    // `--version` run; the answer needs none of it. Same text and exit code as picocli's.
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      for (String line : new Version().getVersion()) {
        out.println(line);
      }
      out.flush();
      return ExitCode.OK.code();
    }
    CommandLine cl = commandLine(args);
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("migsafe: " + ex.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
      err.println("Try 'migsafe " + commandPath(ex.getCommandLine()) + "--help'.");
      err.flush();
      return ExitCode.BAD_INPUT.code();
    });
    cl.setExecutionExceptionHandler((ex, line, parsed) -> {
      boolean debug = debug(parsed);
      OutOfMemoryError oom = OutOfMemory.in(ex);
      if (oom != null) {
        return OutOfMemory.report(err, oom, debug);
      }
      if (ex instanceof MigsafeException m && m.kind() == MigsafeException.Kind.BAD_INPUT) {
        err.println(m.getMessage());
        if (debug) {
          ex.printStackTrace(err);
        }
        err.flush();
        return ExitCode.BAD_INPUT.code();
      }
      err.println("migsafe: internal error: " + ex);
      if (debug) {
        StringWriter sw = new StringWriter();
        ex.printStackTrace(new PrintWriter(sw));
        err.print(sw);
      } else {
        err.println("Run again with --debug for the stack trace, and report it.");
      }
      err.flush();
      return ExitCode.INTERNAL.code();
    });
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli hands exceptions to the handler above; errors pass it by.
      return OutOfMemory.report(err, e, debug(cl.getParseResult()));
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The command line with every command, as help and the tests see it. */
  static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command line for {@code args}: with only the command they name when they name one, and
   * with every command when they name none or one that is not a command, so that usage, help
   * and picocli's suggestions for a mistyped command list them all.
   */
  static CommandLine commandLine(String... args) {
    CommandLine cl = new CommandLine(new Main());
    String named = commandName(args);
    boolean known = COMMANDS.stream().anyMatch(c -> name(c).equals(named));
    for (Class<?> c : COMMANDS) {
      if (!known || name(c).equals(named)) {
        cl.addSubcommand(c);
      }
    }
    return cl;
  }

  /**
   * The command the arguments name: the first one, or the one after {@code --debug}. Null when
   * another option comes first: the top level's help must list every command, and picocli
   * reports an unknown option with the usage.
   */
  static String commandName(String... args) {
    for (String a : args) {
      if (!a.equals("--debug")) {
        return a.startsWith("-") ? null : a;
      }
    }
    return null;
  }

  private static String name(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  /**
   * Whether {@code --debug} was given. It is inherited by every subcommand, so picocli matches
   * it on the command it follows: {@code migsafe --debug lint} on the top level, {@code migsafe
   * lint x.sql --debug} on lint.
   */
  private static boolean debug(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  private static String commandPath(CommandLine cl) {
    String q = cl.getCommandSpec().qualifiedName(" ");
    return q.startsWith("migsafe") ? q.substring("migsafe".length()).strip() + (q.equals("migsafe") ? "" : " ") : q + " ";
  }

  /**
   * {@code migsafe} with no command: usage on standard error and exit 2, so that a CI step
   * that lost its arguments fails instead of passing.
   */
  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    cl.getErr().println("migsafe: a command is required");
    cl.usage(cl.getErr());
    cl.getErr().flush();
    return ExitCode.BAD_INPUT.code();
  }

  /** The version from the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"migsafe " + Migsafe.version()};
    }
  }
}
