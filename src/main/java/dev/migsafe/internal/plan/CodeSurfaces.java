package dev.migsafe.internal.plan;

import dev.migsafe.api.Change;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Plan.CodeSurface;
import dev.migsafe.api.Plan.ConsumerImpact;
import dev.migsafe.api.Plan.Gate;
import dev.migsafe.api.Plan.PlanFinding;
import dev.migsafe.api.Plan.Side;
import dev.migsafe.api.Severity;
import dev.migsafe.api.Surface;
import dev.migsafe.internal.model.ChangeKind;
import dev.migsafe.internal.surfaces.SurfaceScan;
import dev.migsafe.internal.surfaces.SurfaceTarget;
import dev.migsafe.internal.surfaces.SurfaceTargets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code plan --code}: the consumers' repositories read for what the packet's changes drop,
 * rename or narrow. Each use becomes part of the playbook; a repository that still uses what a
 * change removes is a blocker finding (the code must change and ship before the step that
 * removes it), and a repository with uses but no acknowledged consumer entry of the same name
 * blocks the consumers gate, naming its files.
 */
public final class CodeSurfaces {
  /** Changes after which a use left in the code fails outright. */
  private static final Set<ChangeKind> REMOVING = EnumSet.of(ChangeKind.DROP_COLUMN,
      ChangeKind.RENAME_COLUMN, ChangeKind.SPLIT_COLUMN, ChangeKind.MERGE_COLUMN,
      ChangeKind.MOVE_COLUMN, ChangeKind.DROP_TABLE, ChangeKind.RENAME_TABLE,
      ChangeKind.RENAME_ENUM_VALUE, ChangeKind.REMOVE_ENUM_VALUE);
  private static final int FILES_NAMED = 5;

  private CodeSurfaces() {}

  public static Plan apply(Plan plan, List<Path> code) {
    if (code.isEmpty()) {
      return plan;
    }
    List<CodeSurface> surfaces = new ArrayList<>();
    List<PlanFinding> findings = new ArrayList<>();
    // Repository -> files that use something a change touches.
    Map<String, Set<String>> filesByRepo = new LinkedHashMap<>();
    // One pass over the files for both sides: what the changes take away, what they bring.
    List<SurfaceTarget> all = new ArrayList<>(SurfaceTargets.of(plan.changes()));
    all.addAll(SurfaceTargets.introducedBy(plan.changes()));
    SurfaceScan.Report report = SurfaceScan.scan(code, List.copyOf(new LinkedHashSet<>(all)));
    for (Change c : plan.changes()) {
      ChangeKind kind = ChangeKind.parse(c.kind());
      Map<String, List<Surface>> byRepo = new LinkedHashMap<>();
      for (SurfaceTarget t : SurfaceTargets.of(List.of(c))) {
        for (Surface s : report.of(t)) {
          surfaces.add(new CodeSurface(c.id(), s, Side.OLD_APP_NEW_SCHEMA));
          byRepo.computeIfAbsent(s.root(), r -> new ArrayList<>()).add(s);
          filesByRepo.computeIfAbsent(s.root(), r -> new LinkedHashSet<>()).add(s.path());
        }
      }
      byRepo.forEach((repo, uses) -> findings.add(finding(c, kind, repo, uses)));
      for (SurfaceTarget t : SurfaceTargets.introducedBy(List.of(c))) {
        Map<String, List<Surface>> newByRepo = new LinkedHashMap<>();
        for (Surface s : report.of(t)) {
          surfaces.add(new CodeSurface(c.id(), s, Side.NEW_APP_OLD_SCHEMA));
          newByRepo.computeIfAbsent(s.root(), r -> new ArrayList<>()).add(s);
        }
        newByRepo.forEach((repo, uses) -> findings.add(early(c, t.display(), repo, uses)));
      }
    }
    return plan.withCodeSurfaces(surfaces, findings, gates(plan, filesByRepo));
  }

  /**
   * A repository that already uses what a change brings in: that code fails on the schema
   * before the change, so it may only be deployed after the change's step.
   */
  private static PlanFinding early(Change c, String what, String repo, List<Surface> uses) {
    return new PlanFinding("code-needs-new-schema", Severity.MEDIUM, c.id(),
        repo + " uses " + what + ", which change " + c.id() + " (" + c.kind() + ") brings in, in "
            + uses.size() + (uses.size() == 1 ? " place: " : " places: ") + places(uses),
        "This code fails on the schema as it is before the change: it is the new application "
            + "of the compatibility matrix, and runs only once the step that brings in " + what
            + " has run.",
        "Deploy this code after that step (or make it work with both schemas until then), "
            + "and keep the release that runs before it free of these places.");
  }

  private static String places(List<Surface> uses) {
    StringBuilder places = new StringBuilder();
    for (Surface s : uses.subList(0, Math.min(uses.size(), FILES_NAMED))) {
      places.append(places.length() == 0 ? "" : ", ").append(s.path()).append(':')
          .append(s.line());
    }
    if (uses.size() > FILES_NAMED) {
      places.append(" and ").append(uses.size() - FILES_NAMED).append(" more");
    }
    return places.toString();
  }

  private static PlanFinding finding(Change c, ChangeKind kind, String repo, List<Surface> uses) {
    boolean removes = REMOVING.contains(kind);
    String what = c.column() == null ? c.table() : c.table() + "." + c.column();
    String places = places(uses);
    return new PlanFinding(removes ? "code-still-uses-removed" : "code-uses-changed",
        removes ? Severity.BLOCKER : Severity.MEDIUM, c.id(),
        repo + " uses " + what + ", which change " + c.id() + " (" + c.kind() + ") "
            + (removes ? "removes" : "changes") + ", in " + uses.size()
            + (uses.size() == 1 ? " place: " : " places: ") + places,
        removes ? "Code that still names it fails once the step that removes it runs; every "
            + "instance of the service must run code without it before that step."
            : "Code that reads or writes it may see a new type or be refused a NULL after "
            + "the change; check each place against the new definition.",
        removes ? "Change these places to the new name or drop their use, ship and deploy "
            + "that release, then run the step that removes " + what + "."
            : "Review these places before the change's step.");
  }

  /**
   * The consumers gate, blocked by each repository with uses whose folder name is not a
   * consumer of the packet that acknowledged the change.
   */
  private static List<Gate> gates(Plan plan, Map<String, Set<String>> filesByRepo) {
    List<String> missing = new ArrayList<>();
    filesByRepo.forEach((repo, files) -> {
      String service = Path.of(repo).getFileName() == null ? repo
          : Path.of(repo).normalize().getFileName().toString();
      if (!acknowledged(plan.consumers(), service)) {
        List<String> named = new ArrayList<>(files);
        String list = String.join(", ", named.subList(0, Math.min(named.size(), FILES_NAMED)))
            + (named.size() > FILES_NAMED ? " and " + (named.size() - FILES_NAMED) + " more" : "");
        missing.add(service + " (" + list + ")");
      }
    });
    if (missing.isEmpty()) {
      return plan.gates();
    }
    List<Gate> out = new ArrayList<>();
    for (Gate g : plan.gates()) {
      if (g.id().equals("consumers-acknowledged")) {
        String earlier = g.status().equals("blocked") ? g.reason() + "; " : "";
        out.add(new Gate(g.id(), "blocked", earlier + "code uses what the packet changes in "
            + "repositories with no acknowledged consumer entry: " + String.join("; ", missing)));
      } else {
        out.add(g);
      }
    }
    return out;
  }

  /** Whether the packet lists a consumer of this name that acknowledged the change. */
  private static boolean acknowledged(List<ConsumerImpact> consumers, String service) {
    return consumers.stream().anyMatch(c -> c.service().equals(service) && c.acknowledged());
  }
}
