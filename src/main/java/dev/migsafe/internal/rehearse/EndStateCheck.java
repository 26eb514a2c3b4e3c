package dev.migsafe.internal.rehearse;

import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Rehearsal.EndState;
import dev.migsafe.api.Rehearsal.EndStateDifference;
import dev.migsafe.internal.pg.SchemaDifference;
import dev.migsafe.internal.pg.SchemaSnapshot;
import dev.migsafe.internal.pg.SqlScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether the playbook ends where the packet says it does. A plan is checked on paper against
 * the target; this checks the schema the steps actually left on the server against the target
 * schema that same server builds from the packet's DDL, with the {@code drift} comparison. A
 * difference the plan declares in {@code targetDifferences} (same kind and object) is the
 * playbook's deliberate choice and is listed with its reason; any other one means the playbook
 * misses something, and fails the rehearsal.
 */
final class EndStateCheck {
  private EndStateCheck() {}

  /**
   * The packet's target schema, built in a companion database of {@code db} as the rehearsal's
   * own role and read schema by schema. A statement the server rejects is bad input at its
   * place in the target DDL, like one of the current schema.
   */
  static Map<String, SchemaSnapshot> target(ScratchDatabase db, MigrationPacket packet,
      List<String> schemas) {
    try (ScratchDatabase twin = db.companion()) {
      try (Connection c = twin.connect()) {
        c.setAutoCommit(true);
        SqlScript.run(c, packet.targetSchemaSource(), packet.schema().target());
      }
      // A fresh session: the DDL may have changed session settings such as search_path.
      try (Connection c = twin.connect()) {
        return SchemaState.read(c, schemas);
      }
    } catch (SQLException e) {
      throw new MigsafeException(MigsafeException.Kind.BAD_INPUT,
          "cannot build the target schema for the end-state check: " + Errors.describe(e));
    }
  }

  /** The end state against the target, each difference marked declared or not. */
  static EndState judge(Map<String, SchemaSnapshot> target, Map<String, SchemaSnapshot> actual,
      List<Plan.TargetDifference> declared) {
    List<EndStateDifference> out = new ArrayList<>();
    for (SchemaDifference d : SchemaState.compare(target, actual)) {
      Plan.TargetDifference why = declared.stream()
          .filter(t -> t.kind().equals(d.kind()) && t.object().equals(d.object()))
          .findFirst().orElse(null);
      out.add(new EndStateDifference(d.kind(), d.object(), d.expected(), d.actual(),
          d.message(), why != null, why == null ? null : why.reason()));
    }
    long undeclared = out.stream().filter(d -> !d.declared()).count();
    String reason = out.isEmpty()
        ? "the schema after the last step equals the target schema"
        : undeclared == 0
            ? "the schema after the last step differs from the target only as the plan declares"
            : undeclared + " difference" + (undeclared == 1 ? "" : "s") + " from the target "
                + "schema that the plan does not declare: the playbook does not reach its target";
    return new EndState(true, undeclared == 0, reason, List.copyOf(out));
  }
}
