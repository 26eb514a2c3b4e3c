package dev.migsafe;

import dev.migsafe.api.AiPass;
import dev.migsafe.api.Catalog;
import dev.migsafe.api.CheckRequest;
import dev.migsafe.api.LintOptions;
import dev.migsafe.api.LintListener;
import dev.migsafe.api.LintResult;
import dev.migsafe.api.MigrationCheck;
import dev.migsafe.api.OutcomeUpdate;
import dev.migsafe.api.PassPrompt;
import dev.migsafe.api.RecordedOutcome;
import dev.migsafe.api.ReliabilityReport;
import dev.migsafe.api.ReportQuery;
import dev.migsafe.api.RuleInfo;
import dev.migsafe.api.SimilarQuery;
import dev.migsafe.api.SimilarResult;
import dev.migsafe.internal.catalog.CatalogLoader;
import dev.migsafe.internal.catalog.CatalogLocation;
import dev.migsafe.internal.catalog.OutcomeRecorder;
import dev.migsafe.internal.lint.Linter;
import dev.migsafe.internal.report.ReliabilityReporter;
import dev.migsafe.internal.rules.RuleBase;
import dev.migsafe.internal.similar.SimilarMigrations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The one entry point for library users: build an instance with options, then lint, plan,
 * search the catalog, record an outcome or report on the catalog. An instance is immutable and
 * thread-safe; the rule base behind it is compiled once per process.
 *
 * <pre>{@code
 * Migsafe migsafe = Migsafe.builder().engineVersion(15).build();
 * LintResult result = migsafe.lint(List.of(Path.of("db/migrations")));
 * SimilarResult similar = migsafe.similar(SimilarQuery.text("set not null on orders"), 5);
 * }</pre>
 *
 * <p>The library never prints and never exits the process; failures are {@link
 * dev.migsafe.api.MigsafeException}s.
 */
public final class Migsafe {
  /** How many similar past migrations a playbook lists. */
  private static final int PLAN_SIMILAR_LIMIT = 3;

  private final LintOptions options;
  private final Path catalogDir;

  private Migsafe(LintOptions options, Path catalogDir) {
    this.options = options;
    this.catalogDir = catalogDir;
  }

  public static Builder builder() {
    return new Builder();
  }

  public LintOptions options() {
    return options;
  }

  /** Lints migration files and folders; folders are read in migration order. */
  public LintResult lint(List<Path> paths) {
    return new Linter(RuleBase.shared(), options).lint(paths);
  }

  /** Lints one script given as text; {@code name} is how it is named in findings. */
  public LintResult lint(String name, String sql) {
    return new Linter(RuleBase.shared(), options).lintText(name, sql);
  }

  /**
   * Lints migration files and folders like {@link #lint(List)}, but hands every statement and
   * each file's findings to {@code listener} as they come instead of returning them all at once:
   * memory then stays bounded by one file's findings and rule facts, whatever the output size.
   */
  public void lint(List<Path> paths, LintListener listener) {
    new Linter(RuleBase.shared(), options).lint(paths, listener);
  }

  /** Lints one script given as text like {@link #lint(String, String)}, streaming its results. */
  public void lint(String name, String sql, LintListener listener) {
    new Linter(RuleBase.shared(), options).lintText(name, sql, listener);
  }

  /**
   * The playbook for a migration packet file. Bad input (a packet that does not validate) is a
   * {@link dev.migsafe.api.MigsafeException} listing every problem.
   */
  public dev.migsafe.api.Plan plan(Path packetFile, dev.migsafe.api.PlanOptions planOptions) {
    dev.migsafe.api.MigrationPacket packet =
        dev.migsafe.internal.plan.PacketLoader.load(packetFile);
    return plan(packet, planOptions);
  }

  /** The playbook for a packet already loaded. */
  public dev.migsafe.api.Plan plan(dev.migsafe.api.MigrationPacket packet,
      dev.migsafe.api.PlanOptions planOptions) {
    var catalog = CatalogLoader.load(CatalogLocation.resolve(catalogDir));
    // The catalog's templates are placed with the generated checks: the builder knows the
    // schema at each phase, which decides whether a template can run there at all.
    dev.migsafe.api.Plan plan = new dev.migsafe.internal.plan.PlanBuilder(
        dev.migsafe.internal.plan.PlanKnowledgeBase.shared(),
        planOptions.recipes() == null ? dev.migsafe.internal.plan.RecipeLibrary.shared()
            : dev.migsafe.internal.plan.RecipeLibrary.shared().withReplacements(
                planOptions.recipes()),
        dev.migsafe.internal.plan.TreeLibrary.shared(),
        dev.migsafe.internal.plan.ThroughputModelLoader.load(planOptions.throughputModel()),
        planOptions.start()).build(packet, catalog.catalog().validations());
    List<dev.migsafe.api.Plan.SimilarMigration> similar = SimilarMigrations.find(
        catalog, packet, PLAN_SIMILAR_LIMIT)
        .results().stream().map(m -> new dev.migsafe.api.Plan.SimilarMigration(m.id(),
            m.score(), m.outcome(), m.why(), m.strength(), catalog.location().source()))
        .toList();
    return dev.migsafe.internal.plan.CodeSurfaces.apply(plan.withSimilarPastMigrations(similar),
        planOptions.code());
  }

  /** Every rule, sorted by id: the rule base's and the linter's own about suppressions. */
  public List<RuleInfo> rules() {
    java.util.Map<String, RuleInfo> all = new java.util.TreeMap<>(RuleBase.shared().rules());
    Linter.META_RULES.forEach(r -> all.put(r.id(), r));
    return List.copyOf(all.values());
  }

  /** A rule's documentation (Markdown), or empty when there is no such rule. */
  public Optional<String> ruleDoc(String id) {
    for (String dialect : List.of("postgresql", "common", "mysql")) {
      String text = RuleBase.resourceText("migsafe/rules/" + dialect + "/" + id + ".md");
      if (text != null) {
        return Optional.of(text);
      }
    }
    return Optional.empty();
  }

  /**
   * The catalog: the directory given to the builder, else {@code catalog/} of the working
   * directory if there is one, else the catalog shipped with migsafe. Malformed records are
   * skipped and listed in {@link Catalog#skipped()}.
   */
  public Catalog catalog() {
    return CatalogLoader.load(CatalogLocation.resolve(catalogDir)).catalog();
  }

  /** The past migrations most like the query, best first, at most {@code limit} (1 to 100). */
  public SimilarResult similar(SimilarQuery query, int limit) {
    return SimilarMigrations.find(CatalogLoader.load(CatalogLocation.resolve(catalogDir)),
        query, limit);
  }

  /**
   * The reliability report of the catalog for a period (docs/report.md): figures, trend, team
   * breakdown and the migrations behind each figure. An unknown team is bad input.
   */
  public ReliabilityReport report(ReportQuery query) {
    return ReliabilityReporter.report(catalog(), query);
  }

  /** Writes or updates a past-migration record in the catalog directory. */
  public RecordedOutcome recordOutcome(OutcomeUpdate update) {
    return OutcomeRecorder.record(CatalogLocation.resolve(catalogDir), update);
  }

  /** migsafe's version, from the build. */
  public static String version() {
    try (InputStream in = Migsafe.class.getResourceAsStream("/migsafe/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Rehearses the packet's playbook on a real PostgreSQL: an embedded server of the packet's
   * major version, or a scratch database on the staging server of {@code options.jdbcUrl()}.
   * Everything the rehearsal created is removed before this returns, and on JVM shutdown.
   *
   * @param progress told what the rehearsal is doing, one line at a time
   */
  public dev.migsafe.api.Rehearsal rehearse(Path packetFile,
      dev.migsafe.api.RehearseOptions options, java.util.function.Consumer<String> progress) {
    dev.migsafe.api.MigrationPacket p = dev.migsafe.internal.plan.PacketLoader.load(packetFile);
    if (!p.dialect().equals("postgresql")) {
      throw dev.migsafe.api.MigsafeException.badInput(packetFile + ": rehearse runs PostgreSQL "
          + "packets only; this one is " + p.dialect());
    }
    if (options.scale() < 1 || options.scale() > dev.migsafe.api.RehearseOptions.MAX_SCALE) {
      throw dev.migsafe.api.MigsafeException.badInput("the scale must be between 1 and "
          + dev.migsafe.api.RehearseOptions.MAX_SCALE + " rows per table, not " + options.scale());
    }
    dev.migsafe.api.Plan plan = plan(p, new dev.migsafe.api.PlanOptions(null,
        options.throughputModel(), options.recipes()));
    if (options.jdbcUrl() != null) {
      dev.migsafe.internal.rehearse.ServerWideStatements.refuse(stagingScripts(p, plan,
          options.data()));
    }
    var internal = new dev.migsafe.internal.rehearse.RehearsalOptions(options.scale(),
        options.data(), dev.migsafe.internal.rehearse.RehearsalOptions.defaults().maxPause(),
        options.workload());
    try (dev.migsafe.internal.rehearse.ScratchDatabase db = options.jdbcUrl() == null
        ? dev.migsafe.internal.rehearse.EmbeddedScratch.start(
            Integer.parseInt(p.engineVersion()), options.pgBinaries())
        : dev.migsafe.internal.rehearse.StagingScratch.create(
            dev.migsafe.internal.pg.ConnectionSpec.fromEnvironment(options.jdbcUrl(),
                options.user()), options.allowPrivilegedRole(), progress)) {
      progress.accept("rehearsing " + p.id() + " on PostgreSQL " + db.serverVersion() + ", "
          + db.description());
      return new dev.migsafe.internal.rehearse.RehearsalRunner(p, plan, db, internal, progress)
          .run();
    }
  }

  /**
   * Checks a proposed migration for a packet (the {@code check_migration} guardrail): lints
   * {@code up} and {@code down}, checks every name they use, applies them on an embedded
   * PostgreSQL of the packet's major version loaded with the current schema, compares the
   * results with the target and the current schema, runs the invariants and weighs the
   * consumers. Everything the check created is removed before this returns.
   *
   * @param progress told what the check is doing, one line at a time
   */
  public MigrationCheck checkMigration(CheckRequest request,
      java.util.function.Consumer<String> progress) {
    dev.migsafe.api.MigrationPacket p = dev.migsafe.internal.plan.PacketLoader.load(
        request.packet());
    dev.migsafe.api.Plan plan = plan(p, new dev.migsafe.api.PlanOptions(null, null, null));
    return new dev.migsafe.internal.check.MigrationChecker(RuleBase.shared()).check(p, plan,
        request, progress);
  }

  /** What migsafe would send a model for {@code pass} over the packet (never rows). */
  public PassPrompt passPrompt(AiPass pass, Path packetFile) {
    dev.migsafe.api.MigrationPacket p = dev.migsafe.internal.plan.PacketLoader.load(packetFile);
    if (!p.dialect().equals("postgresql")) {
      // The answer's checks (schema model, lock facts, check_migration) are PostgreSQL's.
      throw dev.migsafe.api.MigsafeException.badInput(packetFile + ": the AI passes run on "
          + "PostgreSQL packets only; this one is " + p.dialect());
    }
    dev.migsafe.api.Plan plan = plan(p, new dev.migsafe.api.PlanOptions(null, null, null));
    // The prompt says whose history the similar migrations are: the shipped sample catalog
    // must not pass for the team's own record.
    CatalogLocation location = CatalogLocation.resolve(catalogDir);
    List<dev.migsafe.api.SimilarMigration> similar = SimilarMigrations.find(
        CatalogLoader.load(location), p, PLAN_SIMILAR_LIMIT)
        .results();
    return dev.migsafe.internal.ai.PassPrompts.build(pass, p, plan, similar, location);
  }

  /** Everything a staging rehearsal would run: schema, sample data, steps and validations. */
  private static List<dev.migsafe.internal.rehearse.ServerWideStatements.Script> stagingScripts(
      dev.migsafe.api.MigrationPacket p, dev.migsafe.api.Plan plan, Path data) {
    List<dev.migsafe.internal.rehearse.ServerWideStatements.Script> out =
        new java.util.ArrayList<>();
    out.add(new dev.migsafe.internal.rehearse.ServerWideStatements.Script(
        p.currentSchemaSource(), p.schema().current()));
    if (p.schema().target() != null) {
      // The end-state check builds the target in a second scratch database on the same server.
      out.add(new dev.migsafe.internal.rehearse.ServerWideStatements.Script(
          p.targetSchemaSource(), p.schema().target()));
    }
    if (data != null) {
      try {
        out.add(new dev.migsafe.internal.rehearse.ServerWideStatements.Script(data.toString(),
            java.nio.file.Files.readString(data)));
      } catch (java.io.IOException e) {
        throw dev.migsafe.api.MigsafeException.badInput(data + ": cannot read the data file: "
            + e.getMessage());
      }
    }
    for (dev.migsafe.api.Plan.Phase ph : plan.phases()) {
      for (dev.migsafe.api.Plan.Step s : ph.steps()) {
        out.add(new dev.migsafe.internal.rehearse.ServerWideStatements.Script(
            "step " + s.id(), s.sql()));
        out.add(new dev.migsafe.internal.rehearse.ServerWideStatements.Script(
            "rollback of step " + s.id(), s.rollbackSql()));
      }
    }
    for (dev.migsafe.api.Plan.Validation v : plan.validations()) {
      out.add(new dev.migsafe.internal.rehearse.ServerWideStatements.Script(
          "validation " + v.id(), v.sql()));
    }
    return out;
  }

  /** Builds an immutable {@link Migsafe}. */
  public static final class Builder {
    private LintOptions options = LintOptions.defaults();
    private Path catalogDir;

    private Builder() {}

    public Builder options(LintOptions options) {
      this.options = Objects.requireNonNull(options);
      return this;
    }

    public Builder engineVersion(int version) {
      options = options.withEngineVersion(version);
      return this;
    }

    /** The catalog directory; null (the default) looks for {@code catalog/}, else the shipped one. */
    public Builder catalog(Path dir) {
      this.catalogDir = dir;
      return this;
    }

    public Migsafe build() {
      return new Migsafe(options, catalogDir);
    }
  }
}
