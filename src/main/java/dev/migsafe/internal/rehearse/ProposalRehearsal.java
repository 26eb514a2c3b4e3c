package dev.migsafe.internal.rehearse;

import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal.ValidationRun;
import dev.migsafe.internal.pg.SchemaDifference;
import dev.migsafe.internal.pg.SchemaSnapshot;
import dev.migsafe.internal.pg.SqlScript;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.postgresql.util.PSQLException;

/**
 * A proposed migration ({@code up}, and optionally its {@code down}) run for real: a scratch
 * database gets the packet's current schema and a few synthetic rows per table (so that a
 * statement that fails on a table with rows fails here too), {@code up} runs statement by
 * statement, the schema it leaves is compared with the target the same server builds from the
 * packet's DDL, the packet's invariants run over the rows, then {@code down} runs and the
 * schema it leaves is compared with the one before {@code up}. Everything runs as the scratch
 * database's unprivileged role, never as a superuser: the SQL may come from a model or a pull
 * request.
 */
public final class ProposalRehearsal {
  /**
   * How long one statement of a proposal may run, enforced by the driver (a proposal can
   * {@code SET statement_timeout = 0}): the check must answer, whatever the SQL does.
   */
  public static final int STATEMENT_SECONDS = 60;

  /** Rows per table: enough that NOT NULL, unique and check violations show, still fast. */
  public static final long DEFAULT_ROWS = 200;

  private final MigrationPacket packet;
  private final Plan plan;
  private final Consumer<String> progress;

  public ProposalRehearsal(MigrationPacket packet, Plan plan, Consumer<String> progress) {
    this.packet = packet;
    this.plan = plan;
    this.progress = progress;
  }

  /**
   * How a script ran: how many of its statements ran, and the first the server rejected.
   *
   * @param failure null when every statement ran
   */
  public record Applied(int statements, int ran, Failure failure) {
    public boolean ok() {
      return failure == null;
    }
  }

  /**
   * A statement the server rejected, where it is in the script.
   *
   * @param sqlState the server's code, e.g. {@code 42703} for a column that does not exist
   */
  public record Failure(int line, int column, String sqlState, String message) {}

  /**
   * What happened.
   *
   * @param currentFromTarget how the current schema differs from the target: the change the
   *     packet asks for; empty when it has no target
   * @param fromTarget how the schema {@code up} left differs from the target; null when the
   *     packet has no target or {@code up} failed
   * @param down null when no {@code down} was given or {@code up} failed
   * @param fromCurrent how the schema {@code down} left differs from the one before {@code
   *     up}; null when {@code down} did not run to its end
   * @param invariantsBefore the invariants over the synthetic rows before {@code up}
   * @param invariantsAfter the invariants of the phases after the change, after {@code up}
   */
  public record Outcome(String serverVersion, long rowsPerTable,
      List<SchemaDifference> currentFromTarget, Applied up, List<SchemaDifference> fromTarget, Applied down, List<SchemaDifference> fromCurrent,
      List<ValidationRun> invariantsBefore, List<ValidationRun> invariantsAfter,
      List<String> notes) {}

  /** Runs the proposal in {@code db}, which must be empty. */
  public Outcome run(ScratchDatabase db, String up, String down, long rowsPerTable) {
    try (Connection c = db.connect()) {
      return run(db, c, up, down, rowsPerTable);
    } catch (SQLException e) {
      throw new MigsafeException(MigsafeException.Kind.BAD_INPUT,
          "the scratch database failed: " + Errors.describe(e));
    }
  }

  private Outcome run(ScratchDatabase db, Connection c, String up, String down,
      long rowsPerTable) throws SQLException {
    c.setAutoCommit(true);
    List<String> notes = new ArrayList<>();
    progress.accept("loading the current schema");
    SqlScript.run(c, packet.currentSchemaSource(), packet.schema().current());
    Schema current = SchemaReader.read(packet.schema().current());
    List<String> schemas = SchemaState.schemasOf(current, db.schema());
    Map<String, SchemaSnapshot> start = SchemaState.read(c, schemas);
    Map<String, SchemaSnapshot> target = null;
    List<SchemaDifference> currentFromTarget = List.of();
    List<String> endSchemas = schemas;
    Schema targetModel = current;
    if (packet.schema().target() != null) {
      progress.accept("building the target schema");
      targetModel = SchemaReader.read(packet.schema().target());
      LinkedHashSet<String> all = new LinkedHashSet<>(schemas);
      all.addAll(SchemaState.schemasOf(targetModel, db.schema()));
      endSchemas = List.copyOf(all);
      target = EndStateCheck.target(db, packet, endSchemas);
      currentFromTarget = SchemaState.compare(target, readOrEmpty(c, endSchemas, notes));
    }
    progress.accept("filling the tables with " + rowsPerTable + " synthetic rows each");
    DataFill fill = SyntheticData.fill(c, current,
        SyntheticData.rowsPerTable(current, packet, rowsPerTable));
    notes.addAll(fill.notes());
    notes.addAll(TargetShape.fillNullsTheTargetForbids(c, current, targetModel));

    List<Plan.Validation> invariants = plan.validations().stream()
        .filter(v -> v.source().equals("invariant")).toList();
    ValidationRunner validations = new ValidationRunner(c);
    List<ValidationRun> before = invariants.stream()
        .filter(v -> v.phase().equals("before") || v.phase().equals("always"))
        .map(v -> validations.run(v, "before")).toList();

    progress.accept("applying up");
    Applied upRun = apply(c, up);
    if (!upRun.ok()) {
      return new Outcome(db.serverVersion(), rowsPerTable, currentFromTarget, upRun, null, null, null, before,
          List.of(), notes);
    }
    List<SchemaDifference> fromTarget = null;
    if (target != null) {
      progress.accept("comparing the schema up left with the target");
      fromTarget = SchemaState.compare(target, readOrEmpty(c, endSchemas, notes));
    }
    List<ValidationRun> after = invariants.stream()
        .filter(v -> !v.phase().equals("before"))
        .map(v -> validations.run(v, v.phase().equals("always") ? "after-cutover" : v.phase()))
        .toList();
    if (down == null) {
      return new Outcome(db.serverVersion(), rowsPerTable, currentFromTarget, upRun, fromTarget, null, null,
          before, after, notes);
    }
    progress.accept("applying down");
    Applied downRun = apply(c, down);
    List<SchemaDifference> fromCurrent = null;
    if (downRun.ok()) {
      progress.accept("comparing the schema down left with the current schema");
      fromCurrent = SchemaState.compare(start, readOrEmpty(c, schemas, notes));
    }
    return new Outcome(db.serverVersion(), rowsPerTable, currentFromTarget, upRun, fromTarget, downRun,
        fromCurrent, before, after, notes);
  }

  /**
   * The schemas as they stand; a schema that does not exist (yet, or any more) reads as empty,
   * so that the comparison lists what it should hold object by object.
   */
  private static Map<String, SchemaSnapshot> readOrEmpty(Connection c, List<String> schemas,
      List<String> notes) throws SQLException {
    Map<String, SchemaSnapshot> out = new java.util.LinkedHashMap<>();
    for (String s : schemas) {
      try {
        out.putAll(SchemaState.read(c, List.of(s)));
      } catch (MigsafeException e) {
        out.put(s, new SchemaSnapshot(s, List.of(), List.of(), List.of(), List.of(),
            List.of()));
      }
    }
    return out;
  }

  /**
   * Runs a script statement by statement in autocommit, as a migration tool without a wrapping
   * transaction would (a script that wants one says BEGIN), stopping at the first error. A
   * transaction left open by the failure is rolled back, so that the next script starts clean.
   */
  static Applied apply(Connection c, String script) throws SQLException {
    List<SourceStatement> statements = SqlSplitter.split(script);
    int ran = 0;
    for (SourceStatement st : statements) {
      try (Statement s = c.createStatement()) {
        s.setQueryTimeout(STATEMENT_SECONDS);
        s.execute(st.text());
        ran++;
      } catch (SQLException e) {
        try (Statement s = c.createStatement()) {
          s.execute("ROLLBACK");
        }
        var server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String[] place = SqlScript.place(st, server == null ? 0 : server.getPosition())
            .split(":");
        return new Applied(statements.size(), ran, new Failure(Integer.parseInt(place[0]),
            Integer.parseInt(place[1]), e.getSQLState(), SqlScript.message(e)));
      }
    }
    return new Applied(statements.size(), ran, null);
  }
}
