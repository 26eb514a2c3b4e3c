package dev.migsafe.internal.pg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL refuses to run as root. When migsafe runs as root (containers, CI), the server
 * runs under {@code unshare -U}: in a new user namespace it is not uid 0, while the files it
 * makes still belong to the real user, who can delete them afterwards.
 */
final class UserNamespace {
  private static final List<String> PREFIX = detect();

  private UserNamespace() {}

  /** {@code [unshare, -U]} when needed and available, else nothing. */
  static List<String> prefix() {
    return PREFIX;
  }

  private static List<String> detect() {
    if (!System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return List.of();
    }
    try {
      if (!run("id", "-u").equals("0")) {
        return List.of();
      }
      String inside = run("unshare", "-U", "id", "-u");
      if (!inside.isEmpty() && !inside.equals("0")) {
        return List.of("unshare", "-U");
      }
    } catch (IOException e) {
      // no unshare: initdb will say that it cannot run as root
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return List.of();
  }

  /** The command's first line of output, or nothing when it fails. */
  private static String run(String... command) throws IOException, InterruptedException {
    Process p = ChildEnvironment.clean(new ProcessBuilder(command)).redirectErrorStream(true)
        .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
  }
}
