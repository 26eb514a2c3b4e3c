package dev.migsafe.internal.ai;

import dev.migsafe.api.LockMode;
import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.Plan;
import dev.migsafe.api.SimilarMigration;
import dev.migsafe.api.TableLock;
import dev.migsafe.internal.catalog.CatalogLocation;
import dev.migsafe.internal.plan.DurationText;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The facts a pass's prompt is grounded in, as Markdown a model reads: the schemas' DDL, the
 * changes with what each direct statement would do on this table, the recipes, the workload
 * and windows, migsafe's playbook outline, the consumers and who has not acknowledged, the
 * invariants, and similar past migrations with their outcomes and lessons.
 *
 * <p>Built from DDL, table statistics and the packet's own text only. No row of any table goes
 * in: rehearsal values and {@code --data} samples are never an input here, and the schema
 * files' data statements are left out ({@link DdlOnly}). The timeline's clock times are left
 * out too: they depend on when the prompt is built, and the windows say what matters.
 */
final class PacketFacts {
  private PacketFacts() {}

  static String of(MigrationPacket p, Plan plan, List<SimilarMigration> similar,
      CatalogLocation catalog) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Packet ").append(p.id()).append(": ").append(line(p.title())).append("\n\n");
    sb.append("PostgreSQL ").append(p.engineVersion()).append(", owner ").append(p.owner());
    if (!p.reviewers().isEmpty()) {
      sb.append(", reviewers ").append(String.join(", ", p.reviewers()));
    }
    sb.append(".\n\n");
    if (p.intent() != null && !p.intent().isBlank()) {
      sb.append("## Intent (the packet's text)\n\n").append(p.intent().strip()).append("\n\n");
    }
    schema(sb, "Current schema", p.schema().current());
    schema(sb, "Target schema", p.schema().target());
    changes(sb, plan);
    workload(sb, p);
    outline(sb, plan);
    consumers(sb, p, plan);
    invariants(sb, p);
    findings(sb, plan);
    similar(sb, similar, catalog);
    return sb.toString();
  }

  private static void schema(StringBuilder sb, String title, String ddl) {
    if (ddl == null) {
      return;
    }
    DdlOnly d = DdlOnly.of(ddl);
    sb.append("## ").append(title).append(" (DDL)\n\n");
    if (d.leftOut() > 0) {
      sb.append(d.leftOut()).append(" statement(s) that are not definitions (data) were left "
          + "out.\n\n");
    }
    sb.append("```sql\n").append(d.ddl()).append("```\n\n");
  }

  private static void changes(StringBuilder sb, Plan plan) {
    sb.append("## Schema diff: the changes, and what each direct statement would do here\n\n");
    Map<String, Plan.Rationale> why = plan.rationale().stream()
        .collect(Collectors.toMap(Plan.Rationale::changeId, r -> r, (a, b) -> a));
    Map<String, Plan.Compatibility> compat = plan.compatibility().stream()
        .collect(Collectors.toMap(Plan.Compatibility::changeId, c -> c, (a, b) -> a));
    for (dev.migsafe.api.Change c : plan.changes()) {
      sb.append("- ").append(c.id()).append(" ").append(c.kind()).append(" ")
          .append(c.table()).append(c.column() == null ? "" : "." + c.column())
          .append(c.to() == null ? "" : " -> " + c.to())
          .append(c.fromType() == null && c.toType() == null ? ""
              : " (" + (c.fromType() == null ? "" : c.fromType() + " -> ")
                  + (c.toType() == null ? "" : c.toType()) + ")")
          .append(c.name() == null ? "" : " name " + c.name())
          .append(c.columns() == null ? "" : " columns " + String.join(", ", c.columns()))
          .append('\n');
      Plan.Rationale r = why.get(c.id());
      if (r != null) {
        if (r.directSql() != null) {
          sb.append("  - direct statement: `").append(line(r.directSql())).append("`: ")
              .append(locks(r.lock(), r.locks())).append("; rewrites the table: ")
              .append(yesNo(r.rewritesTable())).append("; scans it: ")
              .append(yesNo(r.scansTable())).append("; estimated ")
              .append(duration(r.estimatedDuration())).append(" on this table\n");
        } else {
          sb.append("  - direct statement: none in PostgreSQL\n");
        }
        sb.append("  - recipe: ").append(r.recipe()).append(". ").append(line(r.why()))
            .append('\n');
      }
      Plan.Compatibility k = compat.get(c.id());
      if (k != null) {
        sb.append("  - old application with the new schema: ")
            .append(verdict(k.oldAppNewSchema())).append('\n');
        sb.append("  - new application with the old schema: ")
            .append(verdict(k.newAppOldSchema())).append('\n');
      }
    }
    sb.append('\n');
  }

  private static void workload(StringBuilder sb, MigrationPacket p) {
    sb.append("## Workload (table statistics)\n\n");
    sb.append("| table | rows | size GB | writes/s | reads/s | partitioned |\n");
    sb.append("|---|---|---|---|---|---|\n");
    p.tables().forEach((name, t) -> sb.append("| ").append(name).append(" | ")
        .append(n(t.rows())).append(" | ").append(n(t.sizeGb())).append(" | ")
        .append(n(t.writesPerSecond())).append(" | ").append(n(t.readsPerSecond()))
        .append(" | ").append(t.partitioned() == null ? "?" : yesNo(t.partitioned()))
        .append(" |\n"));
    sb.append('\n');
    MigrationPacket.Constraints c = p.constraints();
    if (c != null) {
      sb.append("Limits: downtime tolerance ").append(duration(c.downtimeTolerance()))
          .append(", max lock wait ").append(duration(c.maxLockWait()))
          .append(", max statement time ").append(duration(c.maxStatementTime()))
          .append(", replication lag limit ").append(duration(c.replicationLagLimit()))
          .append(c.criticality() == null ? "" : ", criticality " + c.criticality())
          .append(c.compliance() == null || c.compliance().isEmpty() ? ""
              : ", compliance " + String.join(", ", c.compliance()))
          .append(".\n\n");
    }
    MigrationPacket.Traffic t = p.traffic();
    if (t != null) {
      sb.append("Windows (").append(t.timezone()).append("):\n");
      windows(sb, "peak, no heavy work", t.peakWindows());
      windows(sb, "maintenance", t.maintenanceWindows());
      sb.append('\n');
    }
  }

  private static void windows(StringBuilder sb, String what, List<MigrationPacket.Window> ws) {
    for (MigrationPacket.Window w : ws == null ? List.<MigrationPacket.Window>of() : ws) {
      sb.append("- ").append(what).append(": ").append(w.days().stream()
          .map(d -> d.name().substring(0, 3).toLowerCase(Locale.ROOT))
          .collect(Collectors.joining(","))).append(' ').append(w.from()).append('-')
          .append(w.to()).append('\n');
    }
  }

  private static void outline(StringBuilder sb, Plan plan) {
    sb.append("## migsafe's playbook outline (phases, steps, locks, windows)\n\n");
    Map<String, Plan.Risk> risks = plan.risks().stream()
        .collect(Collectors.toMap(Plan.Risk::stepId, r -> r, (a, b) -> a));
    for (Plan.Phase ph : plan.phases()) {
      sb.append("- phase ").append(ph.id()).append(" ").append(ph.name()).append('\n');
      for (Plan.Step s : ph.steps()) {
        sb.append("  - ").append(s.id()).append(" ").append(line(s.title()))
            .append(" (").append(s.kind().id()).append(", window ").append(s.window());
        if (s.estimatedDuration() != null) {
          sb.append(", estimated ").append(duration(s.estimatedDuration()));
        }
        Plan.Risk r = risks.get(s.id());
        if (r != null && r.lock() != null) {
          sb.append(", ").append(locks(r.lock(), r.locks()));
        }
        sb.append(s.reversible() ? "" : ", not reversible")
            .append(s.pointOfNoReturn() ? ", point of no return" : "").append(")\n");
      }
    }
    sb.append('\n');
  }

  private static void consumers(StringBuilder sb, MigrationPacket p, Plan plan) {
    sb.append("## Consumers\n\n");
    Map<String, Plan.ConsumerImpact> impact = plan.consumers().stream()
        .collect(Collectors.toMap(Plan.ConsumerImpact::service, c -> c, (a, b) -> a));
    for (MigrationPacket.Consumer c : p.consumers()) {
      Plan.ConsumerImpact i = impact.get(c.service());
      List<String> affected = i == null ? List.of() : i.affectedBy();
      sb.append("- ").append(c.service()).append(" (owner ").append(c.owner()).append(")")
          .append(c.reads().isEmpty() ? "" : "; reads " + String.join(", ", c.reads()))
          .append(c.writes().isEmpty() ? "" : "; writes " + String.join(", ", c.writes()))
          .append("; affected by ").append(affected.isEmpty() ? "no change"
              : String.join(", ", affected))
          .append("; ").append(c.acknowledged() ? "acknowledged"
              : "HAS NOT ACKNOWLEDGED the change").append('\n');
    }
    sb.append('\n');
  }

  private static void invariants(StringBuilder sb, MigrationPacket p) {
    if (p.invariants().isEmpty()) {
      return;
    }
    sb.append("## Invariants (the packet's business rules)\n\n");
    for (MigrationPacket.Invariant i : p.invariants()) {
      sb.append("- ").append(i.id()).append(": ").append(line(i.description()))
          .append("; `").append(line(i.sql())).append("` must be ")
          .append(i.expect() != null ? "= " + n(i.expect())
              : "between " + n(i.min()) + " and " + n(i.max()))
          .append(", phase ").append(i.phase()).append('\n');
    }
    sb.append('\n');
  }

  private static void findings(StringBuilder sb, Plan plan) {
    if (plan.findings().isEmpty()) {
      return;
    }
    sb.append("## migsafe's findings on the packet's own migration\n\n");
    for (Plan.PlanFinding f : plan.findings()) {
      sb.append("- ").append(f.severity().name().toLowerCase(Locale.ROOT)).append(' ')
          .append(f.rule()).append(f.changeId() == null ? "" : " (" + f.changeId() + ")")
          .append(": ").append(line(f.message())).append('\n');
    }
    sb.append('\n');
  }

  private static void similar(StringBuilder sb, List<SimilarMigration> similar,
      CatalogLocation catalog) {
    sb.append("## Similar past migrations\n\n");
    sb.append(switch (catalog.source()) {
      case SAMPLE -> "These come from the sample catalog shipped with migsafe"
          + (catalog.isShipped() ? "" : " (" + catalog.label() + ")") + ", not from this "
          + "team's history: read them as illustrations of what happens, not as this team's "
          + "record.\n\n";
      case TEAM -> "These come from the team's own catalog (" + catalog.label() + ").\n\n";
      case EXPLICIT -> "These come from the catalog " + catalog.label() + ".\n\n";
    });
    if (similar.isEmpty()) {
      sb.append("None found.\n\n");
    }
    for (SimilarMigration m : similar) {
      sb.append("- ").append(m.id()).append(": ").append(line(m.title())).append("; outcome: ")
          .append(line(m.outcome()))
          .append(m.lesson().isEmpty() ? "" : "; lesson: " + line(m.lesson()))
          .append("; matched on: ").append(m.why().isEmpty() ? "-" : m.why()).append('\n');
    }
    sb.append('\n');
  }

  private static String locks(LockMode strongest, List<TableLock> locks) {
    if (locks == null || locks.isEmpty()) {
      return strongest == null ? "no table lock" : strongest.sqlName();
    }
    return locks.stream().map(l -> l.mode().sqlName() + " on " + l.table())
        .collect(Collectors.joining(", "));
  }

  private static String verdict(Plan.Verdict v) {
    return (v.compatible() ? "compatible" : "not compatible") + ": " + line(v.reason());
  }

  private static String duration(Duration d) {
    return d == null ? "not given" : DurationText.human(d);
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }

  private static String n(Number x) {
    if (x == null) {
      return "?";
    }
    double d = x.doubleValue();
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : x.toString();
  }

  /** One line: the outline is a list, and a line break in a packet's text would end an item. */
  private static String line(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
