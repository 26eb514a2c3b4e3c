package dev.migsafe.api;

import java.util.Locale;

/**
 * PostgreSQL's eight table-level lock modes, weakest first, named as the manual names them
 * (chapter "Explicit Locking", table "Conflicting Lock Modes").
 */
public enum LockMode {
  ACCESS_SHARE("ACCESS SHARE", "nothing but ACCESS EXCLUSIVE"),
  ROW_SHARE("ROW SHARE", "EXCLUSIVE and ACCESS EXCLUSIVE"),
  ROW_EXCLUSIVE("ROW EXCLUSIVE", "SHARE locks: CREATE INDEX, and stronger"),
  SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE", "VACUUM, ANALYZE, other schema changes"),
  SHARE("SHARE", "writes (INSERT, UPDATE, DELETE)"),
  SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE", "writes (INSERT, UPDATE, DELETE)"),
  EXCLUSIVE("EXCLUSIVE", "writes and SELECT ... FOR UPDATE"),
  ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE", "every read and write");

  private final String sqlName;
  private final String blocks;

  LockMode(String sqlName, String blocks) {
    this.sqlName = sqlName;
    this.blocks = blocks;
  }

  /** The manual's name in upper case with spaces, e.g. {@code SHARE UPDATE EXCLUSIVE}. */
  public String sqlName() {
    return sqlName;
  }

  /** What concurrent work this mode blocks, in words for messages. */
  public String blocks() {
    return blocks;
  }

  /** True when this mode blocks ordinary INSERT, UPDATE and DELETE (ROW EXCLUSIVE). */
  public boolean blocksWrites() {
    return ordinal() >= SHARE.ordinal();
  }

  /** True when this mode blocks plain SELECT (ACCESS SHARE). */
  public boolean blocksReads() {
    return this == ACCESS_EXCLUSIVE;
  }

  public static LockMode strongest(LockMode a, LockMode b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  /** Parses the manual's name ({@code "ROW EXCLUSIVE"}) or the constant name. */
  public static LockMode parse(String text) {
    String norm = text.trim().toUpperCase(Locale.ROOT).replace('_', ' ');
    for (LockMode m : values()) {
      if (m.sqlName.equals(norm)) {
        return m;
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a PostgreSQL lock mode");
  }
}
