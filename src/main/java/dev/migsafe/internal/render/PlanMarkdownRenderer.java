package dev.migsafe.internal.render;

import dev.migsafe.api.Change;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Plan.Node;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The playbook as Markdown for a pull request: a Mermaid gantt of the timeline and a Mermaid
 * flowchart per decision tree, which GitHub renders. Text from the packet is escaped for
 * Markdown tables and Mermaid labels.
 */
public final class PlanMarkdownRenderer {
  private static final DateTimeFormatter GANTT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter HUMAN =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm z", Locale.ROOT);

  private PlanMarkdownRenderer() {}

  public static String render(Plan plan) {
    StringBuilder md = new StringBuilder();
    Plan.PacketSummary p = plan.packet();
    md.append("# Migration playbook: ").append(text(p.title() == null ? p.id() : p.title()))
        .append("\n\n");
    md.append("Packet `").append(p.id()).append("` · owner ").append(text(p.owner()))
        .append(" · ").append(p.dialect()).append(' ').append(p.engineVersion());
    if (!p.reviewers().isEmpty()) {
      md.append(" · reviewers ").append(text(String.join(", ", p.reviewers())));
    }
    md.append("\n\n## Gates\n\n| gate | status | reason |\n|---|---|---|\n");
    for (Plan.Gate g : plan.gates()) {
      md.append("| ").append(g.id()).append(" | **").append(g.status()).append("** | ")
          .append(cell(g.reason())).append(" |\n");
    }
    md.append("\n## Changes\n\n| id | kind | table | detail |\n|---|---|---|---|\n");
    for (Change c : plan.changes()) {
      md.append("| ").append(c.id()).append(" | ").append(c.kind()).append(" | ")
          .append(cell(c.table())).append(" | ").append(cell(detail(c))).append(" |\n");
    }
    if (!plan.rationale().isEmpty()) {
      md.append("\n## Why these recipes\n");
      for (Plan.Rationale r : plan.rationale()) {
        md.append("\n### ").append(r.changeId()).append(" · recipe `").append(r.recipe())
            .append("`\n\n");
        if (r.directSql() != null) {
          md.append("Direct statement:\n\n```sql\n").append(r.directSql())
              .append(";\n```\n\nLock **").append(r.lock() == null ? "none"
                  : r.lock().sqlName()).append("** · rewrite ").append(yes(r.rewritesTable()))
              .append(" · scan ").append(yes(r.scansTable())).append(" · estimated ")
              .append(human(r.estimatedDuration())).append("\n\n");
        }
        md.append(text(r.why())).append('\n');
      }
    }
    if (!plan.findings().isEmpty()) {
      md.append("\n## Findings\n\n");
      for (Plan.PlanFinding f : plan.findings()) {
        md.append("- **").append(f.severity().id()).append("** `").append(f.rule()).append('`')
            .append(f.changeId() == null ? "" : " (" + f.changeId() + ")").append(": ")
            .append(text(f.message())).append("\n  - instead: ")
            .append(text(f.saferAlternative())).append('\n');
      }
    }
    if (!plan.targetDifferences().isEmpty()) {
      md.append("\n## Where the playbook ends away from the target\n\n"
          + "| object | difference | why |\n|---|---|---|\n");
      for (Plan.TargetDifference d : plan.targetDifferences()) {
        md.append("| ").append(cell(d.object())).append(" | ").append(d.kind()).append(" | ")
            .append(cell(d.reason())).append(" |\n");
      }
    }
    md.append("\n## Timeline\n\n```mermaid\ngantt\n  dateFormat YYYY-MM-DD HH:mm\n  axisFormat %a %H:%M\n");
    for (Plan.Phase ph : plan.phases()) {
      if (ph.steps().isEmpty()) {
        continue;
      }
      md.append("  section ").append(ph.id()).append(' ').append(ph.name()).append('\n');
      for (Plan.Step s : ph.steps()) {
        if (s.scheduledAt() == null) {
          continue;
        }
        md.append("  ").append(mermaid(s.id() + " " + s.title())).append(" :")
            .append(s.pointOfNoReturn() ? "crit, " : "").append(s.id().toLowerCase(Locale.ROOT))
            .append(", ").append(GANTT.format(s.scheduledAt())).append(", ")
            .append(ganttDuration(s.estimatedDuration())).append('\n');
      }
    }
    md.append("```\n");
    for (Plan.Phase ph : plan.phases()) {
      md.append("\n## Phase ").append(ph.id()).append(": ").append(ph.name()).append("\n\n");
      if (ph.steps().isEmpty()) {
        md.append("Nothing to do in this phase.\n");
        continue;
      }
      for (Plan.Step s : ph.steps()) {
        md.append("### ").append(s.id()).append(" · ").append(text(s.title()))
            .append(s.pointOfNoReturn() ? " ⚠ point of no return" : "").append("\n\n");
        md.append(s.changeId() == null ? "Session setting" : "Change " + s.changeId())
            .append(" · window **").append(s.window())
            .append("** · estimated ").append(human(s.estimatedDuration()));
        if (s.scheduledAt() != null) {
          md.append(" · planned ").append(HUMAN.format(s.scheduledAt()));
        }
        md.append("\n\n");
        if (s.sql() != null) {
          md.append(CodeFence.of("sql", s.sql() + ";")).append('\n');
        }
        if (s.action() != null) {
          md.append("> ").append(text(s.action())).append("\n\n");
        }
        if (s.note() != null) {
          md.append("Note: ").append(text(s.note())).append("\n\n");
        }
        if (s.rollbackSql() != null) {
          md.append("Rollback:\n\n").append(CodeFence.of("sql", s.rollbackSql() + ";"))
              .append('\n');
        } else if (s.sql() != null && s.changeId() != null) {
          md.append("No rollback: this step cannot be undone by SQL.\n\n");
        }
      }
    }
    md.append("\n## Lock and duration risks\n\n| step | table | lock | rewrite | scan | estimate | peak | > maxLockWait | > maxStatementTime |\n|---|---|---|---|---|---|---|---|---|\n");
    for (Plan.Risk r : plan.risks()) {
      md.append("| ").append(r.stepId()).append(" | ").append(cell(r.table())).append(" | ")
          .append(r.lock() == null ? "none" : r.lock().sqlName()).append(" | ")
          .append(yes(r.rewritesTable())).append(" | ").append(yes(r.scansTable()))
          .append(" | ").append(human(r.estimatedDuration())).append(" | ")
          .append(yes(r.inPeakWindow())).append(" | ").append(yes(r.exceedsMaxLockWait()))
          .append(" | ").append(yes(r.exceedsMaxStatementTime())).append(" |\n");
    }
    md.append("\n## Compatibility\n\n| change | old app, new schema | new app, old schema |\n|---|---|---|\n");
    for (Plan.Compatibility c : plan.compatibility()) {
      md.append("| ").append(c.changeId()).append(" | ").append(verdict(c.oldAppNewSchema()))
          .append(" | ").append(verdict(c.newAppOldSchema())).append(" |\n");
    }
    if (!plan.codeSurfaces().isEmpty()) {
      // plan --code: the lines of the consumers' code that break under each side.
      md.append("\nCode that breaks on each side (read with `--code`):\n\n");
      for (Plan.Compatibility c : plan.compatibility()) {
        for (Plan.Side side : Plan.Side.values()) {
          List<Plan.CodeSurface> places = CodeBySide.of(plan, c.changeId(), side);
          if (!places.isEmpty()) {
            md.append("- ").append(c.changeId()).append(", ").append(CodeBySide.heading(side))
                .append(": ").append(places.stream().map(cs -> MarkdownText.inline(CodeBySide.place(cs)))
                    .collect(java.util.stream.Collectors.joining(", ")))
                .append('\n');
          }
        }
      }
    }
    if (!plan.consumers().isEmpty() || !plan.codeSurfaces().isEmpty()) {
      consumers(md, plan);
    }
    if (!plan.codeSurfaces().isEmpty()) {
      md.append("\n## Code that uses what changes\n\n")
          .append("| change | side | repository | place | access | how | certainty | code |\n")
          .append("|---|---|---|---|---|---|---|---|\n");
      for (Plan.CodeSurface cs : plan.codeSurfaces()) {
        var s = cs.surface();
        md.append("| ").append(cell(cs.changeId())).append(" | ")
            .append(CodeBySide.heading(cs.side())).append(" | ").append(cell(s.root()))
            .append(" | ").append(cell(s.path() + ":" + s.line() + ":" + s.column()))
            .append(" | ").append(s.access().id()).append(" | ").append(s.how())
            .append(" | ").append(s.certainty().id()).append(" | ").append(cell(s.snippet()))
            .append(" |\n");
      }
    }
    if (!plan.backfills().isEmpty()) {
      md.append("\n## Backfills\n");
      for (Plan.BackfillControl b : plan.backfills()) {
        md.append("\n### ").append(b.stepId()).append(" · ").append(text(b.table()))
            .append("\n\nKey ranges of ").append(b.batchSize()).append(" over `")
            .append(text(b.primaryKey())).append("`, about ").append(b.estimatedBatches())
            .append(" batches, estimated ").append(human(b.estimatedDuration()))
            .append(", a pause of ").append(human(b.pauseBetweenBatches()))
            .append(" after each; `statement_timeout` ").append(human(b.batchTimeout()))
            .append(" per batch. Progress is kept in `").append(text(b.progressTable()))
            .append("`.\n\n- ").append(text(b.resume()))
            .append("\n- Pause while a replica lags more than ")
            .append(human(b.replicaLagLimit())).append(", or while dead tuples exceed ")
            .append(b.deadTuplePercentLimit()).append(" % of live ones (let autovacuum "
                + "catch up; each batch commits alone, so vacuum is never held back by the "
                + "backfill itself).\n\nProgress and time left:\n\n")
            .append(CodeFence.of("sql", b.progressQuery() + ";"))
            .append("\nReplica lag:\n\n").append(CodeFence.of("sql", b.replicaLagQuery() + ";"))
            .append("\nDead tuples:\n\n").append(CodeFence.of("sql", b.deadTupleQuery() + ";"));
      }
    }
    md.append("\n## Validations\n\n");
    for (Plan.Validation v : plan.validations()) {
      md.append("- `").append(v.id()).append("` (").append(v.phase()).append(", ")
          .append(v.source()).append("): ").append(text(v.description() == null ? ""
              : v.description())).append(", expect ").append(expect(v)).append("\n\n  ```sql\n  ")
          .append(v.sql().replace("\n", "\n  ")).append(";\n  ```\n");
      if (v.scan() != null && v.scan().chunkedSql() != null) {
        md.append("\n  Key-range form, for each range of ")
            .append(String.format(java.util.Locale.ROOT, "%,d", v.scan().chunkSize()))
            .append(" ").append(text(v.scan().key())).append(" values:\n\n  ```sql\n  ")
            .append(v.scan().chunkedSql().replace("\n", "\n  ")).append(";\n  ```\n");
      }
    }
    md.append("\n## Decision trees\n");
    for (Plan.DecisionTree t : plan.decisionTrees()) {
      md.append("\n### ").append(text(t.title())).append(" (").append(t.changeId()).append(")\n\n")
          .append("Point of no return: ").append(t.pointOfNoReturn() == null
              ? "none, every step can be rolled back" : "after step " + t.pointOfNoReturn())
          .append("\n\n```mermaid\nflowchart TD\n");
      flow(md, t.root(), new AtomicInteger());
      md.append("```\n");
    }
    md.append("\n## Release checklist\n\n");
    for (Plan.ChecklistItem c : plan.checklist()) {
      md.append("- [ ] **").append(c.phase()).append("** ").append(text(c.item()))
          .append(" — stop if ").append(text(c.stopCondition())).append('\n');
    }
    if (!plan.similarPastMigrations().isEmpty()) {
      md.append("\n## Similar past migrations\n\n");
      md.append(CatalogNotice.markdown(plan.similarPastMigrations().get(0).catalogSource()));
      for (Plan.SimilarMigration s : plan.similarPastMigrations()) {
        md.append("- `").append(s.id()).append("` (").append(s.strength().id())
            .append(" match): ").append(text(s.outcome())).append(" — ")
            .append(text(s.why())).append('\n');
      }
    }
    return md.toString();
  }

  /** Writes a node and its subtree; returns the node's Mermaid id. */
  private static String flow(StringBuilder md, Node n, AtomicInteger ids) {
    String id = "n" + ids.incrementAndGet();
    if (n.isOutcome()) {
      String label = n.outcome().toUpperCase(Locale.ROOT)
          + (n.timeBound() == null ? "" : " within " + human(n.timeBound()))
          + "<br/>" + String.join("<br/>", n.steps().stream()
              .map(s -> s.length() > 90 ? s.substring(0, 87) + "..." : s).toList());
      md.append("  ").append(id).append("[\"").append(mermaid(label)).append("\"]\n");
      return id;
    }
    md.append("  ").append(id).append("{\"").append(mermaid(n.question())).append("\"}\n");
    String yes = flow(md, n.yes(), ids);
    String no = flow(md, n.no(), ids);
    md.append("  ").append(id).append(" -->|yes| ").append(yes).append('\n');
    md.append("  ").append(id).append(" -->|no| ").append(no).append('\n');
    return id;
  }

  private static String detail(Change c) {
    if (c.kind().equals("move-column") && c.columns() != null && c.columns().size() == 2) {
      // The key's reference back to the source row is the move itself, not a foreign key.
      return c.column() + " → " + c.to() + "." + c.columns().get(1) + " (key "
          + c.columns().get(0) + ")";
    }
    StringBuilder sb = new StringBuilder();
    if (c.column() != null) {
      sb.append(c.column());
    }
    if (c.to() != null) {
      sb.append(" → ").append(c.to());
    }
    if (c.fromType() != null && c.toType() != null && c.kind().equals("change-type")) {
      sb.append(": ").append(c.fromType()).append(" → ").append(c.toType());
    } else if (c.toType() != null && c.kind().equals("add-column")) {
      sb.append(' ').append(c.toType());
    }
    if (c.columns() != null && !c.columns().isEmpty()) {
      sb.append(sb.length() == 0 ? "" : " ").append('(').append(String.join(", ", c.columns()))
          .append(')');
    }
    if (c.refTable() != null) {
      sb.append(" → ").append(c.refTable());
    }
    if (c.expression() != null && !c.kind().equals("drop-constraint")) {
      sb.append(' ').append(c.expression());
    }
    return sb.toString();
  }

  private static String expect(Plan.Validation v) {
    if (v.expect() != null) {
      return num(v.expect());
    }
    return (v.min() == null ? "" : ">= " + num(v.min())) + (v.min() != null && v.max() != null
        ? " and " : "") + (v.max() == null ? "" : "<= " + num(v.max()));
  }

  private static String num(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /**
   * The consumers, and with {@code --code} the places in each one's repository (matched by
   * folder name) and a row for each repository with places that no consumer entry names.
   */
  private static void consumers(StringBuilder md, Plan plan) {
    boolean code = !plan.codeSurfaces().isEmpty();
    Map<String, List<Plan.CodeSurface>> byRepo = CodeBySide.byRepository(plan);
    md.append("\n## Consumers\n\n| service | owner | affected by | acknowledged |")
        .append(code ? " code |\n|---|---|---|---|---|\n" : "\n|---|---|---|---|\n");
    for (Plan.ConsumerImpact c : plan.consumers()) {
      md.append("| ").append(cell(c.service())).append(" | ").append(cell(c.owner()))
          .append(" | ").append(c.affectedBy().isEmpty() ? "none"
              : String.join(", ", c.affectedBy())).append(" | ")
          .append(c.acknowledged() ? "yes" : "**no**").append(" |");
      if (code) {
        md.append(' ').append(codeCell(byRepo.remove(c.service()))).append(" |");
      }
      md.append('\n');
    }
    byRepo.forEach((repo, places) -> md.append("| ").append(cell(repo))
        .append(" | | ").append(places.stream().map(Plan.CodeSurface::changeId).distinct()
            .collect(java.util.stream.Collectors.joining(", ")))
        .append(" | **no entry** | ").append(codeCell(places)).append(" |\n"));
  }

  private static String codeCell(List<Plan.CodeSurface> places) {
    if (places == null) {
      return "none found";
    }
    return places.size() + (places.size() == 1 ? " place in " : " places in ")
        + places.stream().map(cs -> cell(cs.surface().path())).distinct()
            .collect(java.util.stream.Collectors.joining(", "));
  }

  private static String verdict(Plan.Verdict v) {
    return (v.compatible() ? "✅ " : "❌ ") + cell(v.reason());
  }

  private static String yes(boolean b) {
    return b ? "yes" : "no";
  }

  /** A duration for people: 2s, 14m, 3h 20m. */
  static String human(Duration d) {
    return d == null ? "?" : dev.migsafe.internal.plan.DurationText.human(d);
  }

  private static String ganttDuration(Duration d) {
    long minutes = d == null ? 1 : Math.max(1, (d.toSeconds() + 59) / 60);
    return minutes + "m";
  }

  /** Markdown text from a packet: no HTML, no table breaks. */
  static String text(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\n", " ");
  }

  static String cell(String s) {
    return text(s).replace("|", "\\|");
  }

  /** A Mermaid label inside double quotes: quotes and markup become entities. */
  private static String mermaid(String s) {
    // Semicolons first: the entities written below end in one.
    return s.replace(";", "#59;").replace(":", "#58;").replace("\"", "#quot;")
        .replace("<br/>", "\u0000").replace("<", "#lt;").replace(">", "#gt;")
        .replace("\u0000", "<br/>").replace("\n", " ");
  }
}
