package dev.migsafe.internal.rehearse;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Statements that act beyond one database: roles, databases, tablespaces, server settings,
 * files and programs on the server, other sessions. A rehearsal on a staging server runs only in
 * its scratch database, so a packet, data file or playbook holding one of these is refused
 * before anything is created; on an embedded server they would touch only that server.
 */
public final class ServerWideStatements {
  private static final Pattern SERVER_WIDE = Pattern.compile("(?is)^\\s*("
      + "(CREATE|ALTER|DROP)\\s+(ROLE|USER|GROUP|DATABASE|TABLESPACE|SUBSCRIPTION)\\b"
      + "|ALTER\\s+SYSTEM\\b"
      + "|COPY\\b.*\\b(PROGRAM|TO\\s+'|FROM\\s+')"
      // GRANT role TO role changes membership server-wide; GRANT ... ON object stays local.
      + "|GRANT\\b(?!.*\\bON\\b).*\\bTO\\b"
      + "|.*\\bpg_(terminate|cancel)_backend\\s*\\("
      + "|.*\\bpg_(read|write|stat)_(binary_)?file\\s*\\("
      + "|.*\\blo_(import|export)\\s*\\("
      + "|.*\\bdblink\\w*\\s*\\("
      + ").*");

  private ServerWideStatements() {}

  /** Bad input listing every such statement of the scripts, each as {@code SOURCE:LINE:COLUMN}. */
  public static void refuse(List<Script> scripts) {
    List<String> found = new ArrayList<>();
    for (Script s : scripts) {
      if (s.sql() == null) {
        continue;
      }
      for (SourceStatement st : SqlSplitter.split(s.sql())) {
        if (SERVER_WIDE.matcher(st.text()).matches()) {
          found.add(s.source() + ":" + st.line() + ":" + st.column() + ": acts beyond the "
              + "scratch database, which a staging rehearsal must not: "
              + st.text().lines().findFirst().orElse(""));
        }
      }
    }
    if (!found.isEmpty()) {
      throw MigsafeException.badInput(String.join("\n", found));
    }
  }

  /** SQL text and where it comes from. */
  public record Script(String source, String sql) {}
}
