package dev.migsafe.internal.rehearse;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** How a step's statements have to run, which decides how their locks can be observed. */
enum StepKind {
  /** Transaction control and session settings: run as they are, nothing to observe. */
  CONTROL,
  /** Statements PostgreSQL refuses inside a transaction block: observed by sampling. */
  OUTSIDE_TRANSACTION,
  /** Everything else: run inside a transaction that reads its own locks before commit. */
  TRANSACTIONAL;

  private static final Pattern CONTROL_WORDS = Pattern.compile(
      "(?is)^\\s*(BEGIN|START\\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT|SET|RESET)\\b.*");
  private static final Pattern NO_TRANSACTION_BLOCK = Pattern.compile(
      "(?is)^\\s*(VACUUM|CREATE\\s+DATABASE|DROP\\s+DATABASE|ALTER\\s+SYSTEM"
          + "|REINDEX\\s+(DATABASE|SYSTEM)|CREATE\\s+TABLESPACE|DROP\\s+TABLESPACE)\\b.*"
          + "|(?is).*\\bCONCURRENTLY\\b.*");
  private static final Pattern ADD_ENUM_VALUE = Pattern.compile(
      "(?is)^\\s*ALTER\\s+TYPE\\b.*\\bADD\\s+VALUE\\b.*");
  private static final Pattern DML = Pattern.compile(
      "(?is)^\\s*(UPDATE|INSERT|DELETE|MERGE|WITH|SELECT|COPY)\\b.*");

  static StepKind of(List<String> statements, int serverMajor) {
    if (statements.stream().allMatch(s -> CONTROL_WORDS.matcher(s).matches())) {
      return CONTROL;
    }
    for (String s : statements) {
      if (NO_TRANSACTION_BLOCK.matcher(s).matches()
          || (serverMajor < 12 && ADD_ENUM_VALUE.matcher(s).matches())) {
        return OUTSIDE_TRANSACTION;
      }
    }
    return TRANSACTIONAL;
  }

  static boolean isDml(String statement) {
    return DML.matcher(statement).matches();
  }

  /** BEGIN or START TRANSACTION: the plan opens a transaction that later steps continue. */
  static boolean opensTransaction(String statement) {
    String s = statement.strip().toUpperCase(Locale.ROOT);
    return s.startsWith("BEGIN") || s.startsWith("START TRANSACTION");
  }

  static boolean closesTransaction(String statement) {
    String s = statement.strip().toUpperCase(Locale.ROOT);
    return s.startsWith("COMMIT") || s.startsWith("END") || s.startsWith("ROLLBACK")
        || s.startsWith("ABORT");
  }
}
