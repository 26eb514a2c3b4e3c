package dev.migsafe.internal.pg;

import dev.migsafe.api.MigsafeException;
import java.io.Console;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * How to reach a staging or live PostgreSQL server: a JDBC URL, a user and a password. The
 * password comes from {@code PGPASSWORD}, the URL, or, when the server asks for one and none
 * was given, an interactive prompt that does not echo. It never appears in {@link #toString},
 * in {@link #displayUrl} or in an error message: the driver's messages are scrubbed of it.
 */
public final class ConnectionSpec {
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)([?&])password=[^&]*(&?)");
  /** The driver's states for "the server wants a password and got none or a wrong one". */
  private static final java.util.Set<String> PASSWORD_STATES = java.util.Set.of("08004", "28P01");

  private final String url;
  private final String user;
  private final Properties parsed;
  private char[] password;
  private final Supplier<char[]> prompt;

  private ConnectionSpec(String url, String user, Properties parsed, char[] password,
      Supplier<char[]> prompt) {
    this.url = url;
    this.user = user;
    this.parsed = parsed;
    this.password = password;
    this.prompt = prompt;
  }

  /**
   * A connection specification.
   *
   * @param user the user, or null for the URL's {@code user} parameter or the driver's default
   * @param password the password, or null
   * @param prompt asked for a password when the server wants one and none was given; may be
   *     null, or return null when no one can answer
   */
  public static ConnectionSpec of(String jdbcUrl, String user, char[] password,
      Supplier<char[]> prompt) {
    if (jdbcUrl == null) {
      throw MigsafeException.badInput("'' is not a PostgreSQL JDBC URL such as "
          + "jdbc:postgresql://db.example.com:5432/app");
    }
    // libpq's URI form and a JDBC URL with user:password@ are taken apart here, before the
    // driver sees them: the driver does not understand user information and logs the URL,
    // password included, when it fails to.
    java.util.regex.Matcher uri = URI_WITH_USER.matcher(jdbcUrl);
    String url = jdbcUrl;
    String urlUser = null;
    char[] urlPassword = null;
    if (uri.matches()) {
      url = "jdbc:postgresql://" + uri.group(3);
      if (uri.group(2) != null) {
        String info = uri.group(2);
        int colon = info.indexOf(':');
        urlUser = decode(colon < 0 ? info : info.substring(0, colon));
        urlPassword = colon < 0 ? null : decode(info.substring(colon + 1)).toCharArray();
      }
    }
    Properties parsed = org.postgresql.Driver.parseURL(url, null);
    if (parsed == null) {
      throw MigsafeException.badInput("'" + redact(jdbcUrl)
          + "' is not a PostgreSQL JDBC URL such as jdbc:postgresql://db.example.com:5432/app");
    }
    return new ConnectionSpec(url, user != null ? user : urlUser, parsed,
        password != null ? password : urlPassword, prompt);
  }

  /** {@code jdbc:postgresql://}, {@code postgres://} or {@code postgresql://}, maybe with user. */
  private static final Pattern URI_WITH_USER = Pattern.compile(
      "(?i)^(jdbc:postgresql|postgres|postgresql)://(?:([^@/?#]*)@)?(.*)$");
  /** The user information of a URL, {@code user:password@}, to be masked. */
  private static final Pattern USER_INFO = Pattern.compile("(?i)(://[^:@/?#]*):[^@/?#]*@");

  /** The driver logs malformed URLs whole through java.util.logging; kept silent. */
  private static final java.util.logging.Logger DRIVER_LOG = quietDriverLog();

  private static java.util.logging.Logger quietDriverLog() {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("org.postgresql");
    log.setLevel(java.util.logging.Level.OFF);
    return log;
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(s.replace("+", "%2B"),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The password from {@code PGPASSWORD}, else the console prompt when there is a console. */
  public static ConnectionSpec fromEnvironment(String jdbcUrl, String user) {
    String env = System.getenv("PGPASSWORD");
    return of(jdbcUrl, user, env == null ? null : env.toCharArray(), ConnectionSpec::ask);
  }

  private static char[] ask() {
    Console console = System.console();
    return console == null ? null : console.readPassword("Password for PostgreSQL: ");
  }

  /** Opens a connection; a failure is bad input naming host, port, database, user and reason. */
  public Connection open() {
    return open(null);
  }

  /**
   * Opens a connection that shows {@code applicationName} in {@code pg_stat_activity}, or the
   * URL's own when it is null.
   */
  public Connection open(String applicationName) {
    try {
      return DriverManager.getConnection(url, properties(applicationName));
    } catch (SQLException e) {
      if (password == null && prompt != null && PASSWORD_STATES.contains(e.getSQLState())) {
        password = prompt.get();
        if (password != null) {
          try {
            return DriverManager.getConnection(url, properties(applicationName));
          } catch (SQLException again) {
            throw failure(again);
          }
        }
      }
      throw failure(e);
    }
  }

  private Properties properties(String applicationName) {
    Properties p = new Properties();
    if (applicationName != null) {
      p.setProperty("ApplicationName", applicationName);
    }
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", new String(password));
    }
    return p;
  }

  private MigsafeException failure(SQLException e) {
    return MigsafeException.badInput("cannot connect to PostgreSQL at " + host() + ":" + port()
        + ", database " + database() + ", as user " + user() + ": " + scrub(e.getMessage()));
  }

  public String host() {
    return parsed.getProperty("PGHOST", "localhost");
  }

  public String port() {
    return parsed.getProperty("PGPORT", "5432");
  }

  public String database() {
    return parsed.getProperty("PGDBNAME", "");
  }

  public String user() {
    if (user != null) {
      return user;
    }
    return parsed.getProperty("user", System.getProperty("user.name"));
  }

  /** The URL without its {@code password} parameter, fit to print. */
  public String displayUrl() {
    return redact(url).replaceAll("\\?$", "");
  }

  static String redact(String url) {
    String withoutUserPassword = USER_INFO.matcher(url).replaceAll("$1:********@");
    return PASSWORD_PARAMETER.matcher(withoutUserPassword).replaceAll(m ->
        m.group(2).isEmpty() ? "" : java.util.regex.Matcher.quoteReplacement(m.group(1)));
  }

  /** A driver message without the password, from wherever it came, nor the URL's parameter. */
  public String scrub(String message) {
    if (message == null) {
      return "no reason given";
    }
    String s = redact(message);
    for (String secret : new String[] {
        password == null ? null : new String(password), parsed.getProperty("password")}) {
      if (secret != null && !secret.isEmpty()) {
        s = s.replace(secret, "********");
      }
    }
    return s;
  }

  /**
   * The same server, user and password, connected to another database: a rehearsal's scratch
   * database. The URL's path is replaced; its parameters stay.
   */
  public ConnectionSpec withDatabase(String name) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$").matcher(url);
    if (!m.matches()) {
      throw MigsafeException.badInput("cannot derive a URL for database " + name + " from "
          + displayUrl() + "; give a URL such as jdbc:postgresql://host:5432/postgres");
    }
    String encoded = java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
    return new ConnectionSpec(m.group(1) + "/" + encoded + (m.group(3) == null ? "" : m.group(3)),
        user, org.postgresql.Driver.parseURL(m.group(1) + "/" + encoded
            + (m.group(3) == null ? "" : m.group(3)), null), password, prompt);
  }

  @Override
  public String toString() {
    return "ConnectionSpec[" + displayUrl() + ", user=" + user() + ", password="
        + (password == null && parsed.getProperty("password") == null ? "none" : "********") + "]";
  }
}
