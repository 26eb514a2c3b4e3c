package dev.migsafe.internal.rehearse;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Where the workload gets its connections: a new one per call, to the server at {@link #host}. */
public interface ConnectionFactory {
  Connection open() throws SQLException;

  /** The host the connections go to, as the URL names it. */
  String host();

  /**
   * Whether {@code host} is this machine: {@code localhost}, an address in 127.0.0.0/8, or
   * {@code ::1}. Only literal addresses are judged, so that no name lookup can turn a shared
   * server into "loopback".
   */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.trim();
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.toLowerCase(Locale.ROOT).equals("localhost")) {
      return true;
    }
    boolean literal = h.matches("\\d{1,3}(\\.\\d{1,3}){3}") || h.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    try {
      return literal && InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
