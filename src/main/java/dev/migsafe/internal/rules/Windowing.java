package dev.migsafe.internal.rules;

/**
 * How {@link FileRuleRun} fires the rules: over windows of {@code statements} statements, or
 * (with {@code statements} 0) every rule in one session over all the facts of the file.
 *
 * @param statements the statements of a window of the statement rules; 0 for one session
 */
public record Windowing(int statements) {
  /**
   * The windows lint uses: large enough that a session's set-up is small beside its work,
   * small enough that a window's facts (about 2.6 KB a statement) stay a few megabytes.
   */
  public static final Windowing DEFAULT = new Windowing(1_000);

  public Windowing {
    if (statements < 0) {
      throw new IllegalArgumentException("statements " + statements + " < 0");
    }
  }

  /** Every rule in one session over all the facts of the file, as lint did before windows. */
  public static Windowing oneSession() {
    return new Windowing(0);
  }

  public boolean isOneSession() {
    return statements == 0;
  }
}
