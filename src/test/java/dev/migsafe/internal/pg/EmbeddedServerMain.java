package dev.migsafe.internal.pg;

import java.nio.file.Path;

/**
 * Starts an embedded server, says where it is, and waits to be killed: the child process of
 * {@link EmbeddedServerTest#aTerminatedRunLeavesNoServerBehind}.
 */
public final class EmbeddedServerMain {
  private EmbeddedServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    Path jar = args.length > 1 ? Path.of(args[1]) : null;
    EmbeddedServer server = EmbeddedServer.start(Integer.parseInt(args[0]), jar);
    System.out.println("port=" + server.port() + " dir=" + server.dataDirectory());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
