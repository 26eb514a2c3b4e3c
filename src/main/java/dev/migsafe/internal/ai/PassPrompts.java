package dev.migsafe.internal.ai;

import dev.migsafe.api.AiPass;
import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.PassPrompt;
import dev.migsafe.api.Plan;
import dev.migsafe.api.SimilarMigration;
import dev.migsafe.internal.catalog.CatalogLocation;
import java.util.List;

/**
 * The prompt of each pass: a system message with the role and the rules of the answer, and a
 * user message with the packet's facts ({@link PacketFacts}), the task, and the answer's JSON
 * Schema. {@code migsafe ai} sends these; the MCP server offers the same as its {@code
 * design-pass}, ... prompts, so a model reached either way is grounded in the same facts.
 */
public final class PassPrompts {
  private static final String RULES = """
      You help a team change the schema of a production PostgreSQL database safely. The facts \
      in the user message were computed by migsafe, a migration safety tool, from the packet's \
      DDL, table statistics and text; no table rows were sent to you.

      Rules for your answer:
      - Use only tables, columns, indexes and constraints that exist in the current or the \
      target schema, or that your own SQL creates first. migsafe checks every name you use \
      against the schema, and a name that does not exist refutes the part that uses it.
      - Every SQL statement you propose will be checked by migsafe: the lock it takes on each \
      table, whether it rewrites or scans a table, whether the forward SQL reaches the target \
      schema on a real PostgreSQL server of this major version, whether the rollback SQL \
      restores the current schema, and the packet's invariants. If you can call tools (an MCP \
      client), call check_migration with {packet, up, down} on anything you propose and fix \
      what it reports before you answer.
      - Prefer what the facts say: the locks, durations, windows and recipes given are \
      migsafe's, measured against this packet's tables.
      - Answer with one JSON object that validates against the JSON Schema in the user \
      message, and nothing else: no Markdown, no prose around it.
      - Your answer is advice for the people who review this migration. It passes no gate: \
      a person still approves the migration.
      """;

  private PassPrompts() {}

  /** The prompt of {@code pass} over a packet, from its plan and similar past migrations. */
  public static PassPrompt build(AiPass pass, MigrationPacket packet, Plan plan,
      List<SimilarMigration> similar, CatalogLocation catalog) {
    String system = "You are " + role(pass) + ".\n\n" + RULES;
    String user = PacketFacts.of(packet, plan, similar, catalog)
        + "## Your task\n\n" + task(pass) + "\n\n"
        + "## The JSON Schema your answer must validate against\n\n```json\n"
        + AnswerSchemas.text(pass).strip() + "\n```\n";
    return new PassPrompt(pass, system, user, AnswerSchemas.text(pass));
  }

  private static String role(AiPass pass) {
    return switch (pass) {
      case DESIGN -> "a database architect designing the compatibility strategy of a schema "
          + "change";
      case EXECUTION -> "a database reliability engineer writing the phased steps of a schema "
          + "change";
      case VALIDATION -> "a data engineer writing integrity checks for a schema change";
      case SAFETY -> "an independent reviewer challenging a schema change before it runs";
    };
  }

  private static String task(AiPass pass) {
    return switch (pass) {
      case DESIGN -> """
          Design the compatibility strategy for this change. Give its phases in order (expand, \
          deploy, backfill, contract, or what fits). For each phase: the schema SQL it runs \
          (empty for a deployment), and whether the application version before the change and \
          the one after it work with the schema that phase leaves. Keep every consumer working \
          at every phase, or say which one breaks and why.""";
      case EXECUTION -> """
          Write the phased steps that take the current schema to the target schema. Each step \
          has its SQL, the SQL that undoes it, and why. Keep ACCESS EXCLUSIVE locks on busy \
          tables to catalog-only statements behind a lock_timeout; never rewrite a busy table; \
          backfill in key-range batches; build indexes CONCURRENTLY; run heavy work outside \
          the peak windows. All the steps' SQL, in order, must reach the target schema, and \
          all the rollback SQL, in reverse order, must restore the current schema.""";
      case VALIDATION -> """
          Write integrity queries tied to the packet's invariants, and to any invariant the \
          change needs that the packet does not list. Each query is exactly one read-only \
          SELECT that returns one number, with the value or range it must have and the phase \
          it runs in.""";
      case SAFETY -> """
          Challenge this migration independently. Is its rollback realistic after each phase? \
          What is its blast radius: which consumers break, which have not acknowledged, which \
          tables are locked or rewritten, for how long, at what time? For each challenge give \
          its severity and the evidence from the facts above; where it is about a statement, \
          give the statement and the lock you say it takes, which migsafe checks.""";
    };
  }
}
