package dev.migsafe.internal.ai;

import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.util.Set;

/**
 * A schema file's DDL without its rows. A schema file may be a {@code pg_dump} with {@code
 * COPY} blocks or seed {@code INSERT}s; a prompt carries definitions only, so every statement
 * that is not a definition is left out (kept by what it is, not dropped by what it might be:
 * the data lines of a {@code COPY} do not start with a keyword at all).
 *
 * @param ddl the definitions, one statement per line group, each ending in a semicolon
 * @param leftOut how many statements were left out
 */
record DdlOnly(String ddl, int leftOut) {
  private static final Set<String> DEFINITIONS =
      Set.of("CREATE", "ALTER", "COMMENT", "GRANT", "REVOKE", "DROP");

  static DdlOnly of(String script) {
    if (script == null || script.isBlank()) {
      return new DdlOnly("", 0);
    }
    StringBuilder sb = new StringBuilder();
    int leftOut = 0;
    for (SourceStatement st : SqlSplitter.split(script)) {
      String head = st.tokens().isEmpty() ? "" : st.tokens().get(0).text()
          .toUpperCase(java.util.Locale.ROOT);
      if (DEFINITIONS.contains(head) && !st.unterminated()) {
        sb.append(st.text()).append(";\n");
      } else {
        leftOut++;
      }
    }
    return new DdlOnly(sb.toString(), leftOut);
  }
}
