package dev.migsafe.api;

/**
 * The four AI passes over a packet, each one question a team asks a model, grounded in
 * migsafe's facts. {@link #promptName()} names the MCP prompt; {@link #command()} the {@code
 * migsafe ai} subcommand.
 */
public enum AiPass {
  /** The compatibility strategy: expand/contract, dual writes, what old and new code see. */
  DESIGN("design-pass", "design"),
  /** The phased steps with their SQL, dual-write windows and waits. */
  EXECUTION("execution-pass", "execute"),
  /** Integrity queries tied to the packet's business invariants. */
  VALIDATION("validation-pass", "validate"),
  /** An independent challenge of rollback realism and blast radius. */
  SAFETY("safety-pass", "review");

  private final String promptName;
  private final String command;

  AiPass(String promptName, String command) {
    this.promptName = promptName;
    this.command = command;
  }

  public String promptName() {
    return promptName;
  }

  public String command() {
    return command;
  }
}
