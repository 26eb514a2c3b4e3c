package dev.migsafe.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a run that ran out of heap says. Running out of memory is not a finding (exit 1) and
 * not the user's input being wrong (exit 2): the input may be fine for a larger heap, so it is
 * exit 3, with the one thing to do about it instead of a stack trace.
 */
final class OutOfMemory {
  /**
   * Whether this process has said it already: when the heap runs out, the SQL parser's watchdog
   * thread and the run's own thread often both fail, and the user should read the line once.
   */
  private static final AtomicBoolean REPORTED = new AtomicBoolean();

  private OutOfMemory() {}

  /** The error itself, or one a library wrapped (a rule consequence, a parser thread). */
  static OutOfMemoryError in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError oom) {
        return oom;
      }
    }
    return null;
  }

  /**
   * Prints the one line, and the stack trace with {@code --debug}. The heap is nearly free
   * again once the error has unwound the stack, so printing normally works.
   */
  static int report(PrintWriter err, OutOfMemoryError e, boolean debug) {
    if (!REPORTED.compareAndSet(false, true)) {
      return ExitCode.INTERNAL.code();
    }
    err.println("migsafe: out of memory (" + (e.getMessage() == null ? "Java heap space"
        : e.getMessage()) + "); give the JVM more with -Xmx, e.g. JAVA_TOOL_OPTIONS=-Xmx2g");
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCode.INTERNAL.code();
  }
}
