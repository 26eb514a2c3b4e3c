package dev.migsafe.internal.mcp;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The server's diagnostics, one line each, on the writer the command gives it (standard error:
 * standard output carries only JSON-RPC). A tool's internal error is logged here in full with
 * {@code --debug}; the client gets one sentence either way, never a stack trace.
 */
public final class ServerLog {
  private final PrintWriter out;
  private final boolean debug;

  public ServerLog(PrintWriter out, boolean debug) {
    this.out = out;
    this.debug = debug;
  }

  public void line(String message) {
    synchronized (out) {
      out.println("migsafe mcp: " + message);
      out.flush();
    }
  }

  void failure(String what, Throwable e) {
    if (!debug) {
      line(what + ": " + e + " (--debug prints the stack trace)");
      return;
    }
    StringWriter sw = new StringWriter();
    e.printStackTrace(new PrintWriter(sw));
    line(what + ": " + sw);
  }
}
