package dev.migsafe.internal.ai;

import dev.migsafe.api.MigsafeException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Where a prompt may go. A prompt holds the schema, the table statistics and the packet's
 * text, which a team may not want to leave the machine: by default only a server on this
 * machine is asked. A remote one needs two consents, the {@code --allow-remote} flag of the run
 * and {@code ai: {allow-remote: true}} in the project's configuration, so that neither a
 * pasted command nor a shared config alone sends the schema away.
 */
public final class EndpointPolicy {
  private EndpointPolicy() {}

  /**
   * The endpoint as a URI, when it may be asked.
   *
   * @param configAllows read only when the endpoint is remote and the flag was given
   * @throws MigsafeException bad input saying why not
   */
  public static URI check(String endpoint, boolean allowRemoteFlag, BooleanSupplier configAllows) {
    URI uri = parse(endpoint);
    if (isLoopback(uri)) {
      return uri;
    }
    if (!allowRemoteFlag) {
      throw MigsafeException.badInput("--endpoint " + endpoint + " is not on this machine "
          + "(loopback): the prompt carries the packet's schema, statistics and text. To send "
          + "it there, pass --allow-remote and set ai: {allow-remote: true} in .migsafe.yaml");
    }
    if (!configAllows.getAsBoolean()) {
      throw MigsafeException.badInput("--endpoint " + endpoint + " is not on this machine "
          + "(loopback), and the project configuration does not allow remote models: set "
          + "ai: {allow-remote: true} in .migsafe.yaml as well as passing --allow-remote");
    }
    return uri;
  }

  static URI parse(String endpoint) {
    URI uri;
    try {
      uri = new URI(endpoint);
    } catch (URISyntaxException e) {
      throw MigsafeException.badInput("--endpoint '" + endpoint + "' is not a URL: "
          + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw MigsafeException.badInput("--endpoint '" + endpoint
          + "' is not an http:// or https:// URL with a host, such as http://127.0.0.1:11434");
    }
    if (uri.getUserInfo() != null) {
      throw MigsafeException.badInput("--endpoint must not carry credentials; an API key is "
          + "read from MIGSAFE_AI_API_KEY or OPENAI_API_KEY");
    }
    return uri;
  }

  /**
   * Whether the host is this machine: {@code localhost}, or an address literal in 127.0.0.0/8
   * or {@code ::1}. Other names are not resolved: what a name resolves to can change between
   * this check and the request, and a name is remote until proven otherwise.
   */
  static boolean isLoopback(URI uri) {
    String host = uri.getHost();
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String literal = host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1) : host;
    if (!literal.matches("[0-9.]+") && !literal.contains(":")) {
      return false;
    }
    try {
      // An address literal: InetAddress parses it without a name lookup.
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
