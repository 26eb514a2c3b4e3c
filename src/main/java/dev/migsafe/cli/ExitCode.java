package dev.migsafe.cli;

/** The process exit codes, as fixed by the command-line contract. */
public enum ExitCode {
  /** Nothing at or above the failure threshold. */
  OK(0),
  /**
   * Findings at or above the threshold ({@code --fail-on}, default high); for {@code plan} also
   * a gate blocked or failed (its {@code --fail-on} names the gate states that count); for
   * {@code ai}, migsafe refuted part of the model's answer.
   */
  FINDINGS(1),
  /**
   * Bad input or usage: the message is on standard error. Also no command at all, and paths
   * that hold no migration file; for {@code ai}, a remote endpoint without consent and a model
   * that did not answer usably (unreachable, timed out, cut off, not following the schema).
   */
  BAD_INPUT(2),
  /**
   * An internal error: a bug in migsafe; or the JVM ran out of memory, when one line on
   * standard error says to give it more with {@code -Xmx}.
   */
  INTERNAL(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
