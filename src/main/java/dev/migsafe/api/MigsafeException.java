package dev.migsafe.api;

/**
 * A failure the caller can act on. The {@link Kind} tells the command line which exit code to
 * use: bad input is the user's to fix, an internal error is ours.
 */
public class MigsafeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, coarsely. */
  public enum Kind {
    BAD_INPUT,
    INTERNAL
  }

  private final Kind kind;

  public MigsafeException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public MigsafeException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public static MigsafeException badInput(String message) {
    return new MigsafeException(Kind.BAD_INPUT, message);
  }

  public Kind kind() {
    return kind;
  }
}
