package dev.migsafe.internal.pg;

import java.util.Map;

/**
 * The environment of the programs migsafe starts (initdb, the server and its supervisor): empty
 * but for a fixed search path and the C locale. A child inherits the JVM's environment by
 * default, and that may hold {@code PGPASSWORD} of a live database or a cloud token; a server
 * running untrusted SQL must not be able to read either, whatever else holds.
 */
final class ChildEnvironment {
  private static final Map<String, String> KEPT = Map.of(
      "PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin",
      "LC_ALL", "C");

  private ChildEnvironment() {}

  static ProcessBuilder clean(ProcessBuilder pb) {
    Map<String, String> env = pb.environment();
    env.clear();
    env.putAll(KEPT);
    return pb;
  }
}
