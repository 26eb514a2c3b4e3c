package dev.migsafe.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Change;
import dev.migsafe.internal.plan.ChangeTemplate;
import dev.migsafe.internal.plan.Recipe;
import dev.migsafe.internal.plan.Recipe.RecipeStep;
import dev.migsafe.internal.plan.RecipeLibrary;
import dev.migsafe.internal.plan.Template;
import dev.migsafe.internal.schema.Schema;
import dev.migsafe.internal.schema.SchemaReader;
import dev.migsafe.internal.sql.PgStatementReader;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import org.junit.jupiter.api.Test;

/**
 * Loads every recipe of {@code library/recipes} strictly and checks it as data: its tree exists,
 * every change kind is served, the point of no return is unique and final for rollbacks, and
 * every SQL template, filled for a realistic change, is one statement migsafe can read and a
 * safe form of it. Every problem is collected; the test fails once with the full list.
 */
class RecipeLibraryTest {
  static final Path RECIPES = Path.of("library/recipes");
  static final Path TREES = Path.of("library/decision-trees");

  /** Every kind SchemaDiff produces, plus the kinds it cannot detect yet. */
  static final List<String> KINDS = List.of("add-column", "drop-column", "rename-column",
      "rename-table", "change-type", "set-not-null", "drop-not-null", "set-default",
      "drop-default", "add-index", "drop-index", "add-foreign-key", "add-check", "add-unique",
      "add-primary-key", "drop-constraint", "create-table", "drop-table", "create-enum",
      "add-enum-value", "remove-enum-value", "split-column", "merge-column", "move-column");

  private static final String CONDITION =
      "(engineVersion (>=|<) (1[0-7])|!?notNull|!?hasDefault|!?hasSequence|hasOwnedSequence"
          + "|!?toIdentity|fromIdentity)";
  private static final Pattern WHEN = Pattern.compile(CONDITION + "( && " + CONDITION + ")*");
  /** Steps that destroy data: only at or after the point of no return, never with a rollback. */
  private static final Pattern DESTRUCTIVE = Pattern.compile(
      "(?is).*\\b(DROP\\s+COLUMN|DROP\\s+TABLE|DROP\\s+TYPE|TRUNCATE|DELETE\\s+FROM)\\b.*");

  /** A realistic e-commerce schema the sample changes are made against. */
  static final String CURRENT = """
      CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');
      CREATE SEQUENCE orders_id_seq;
      CREATE TABLE customers (
        id bigint PRIMARY KEY,
        email text NOT NULL,
        full_name text,
        loyalty_tier text);
      CREATE TABLE coupons (id bigint PRIMARY KEY, code text NOT NULL);
      CREATE TABLE legacy_carts (id bigint PRIMARY KEY, payload text);
      CREATE TABLE orders (
        id integer PRIMARY KEY DEFAULT nextval('orders_id_seq'),
        customer_id bigint,
        status order_status NOT NULL DEFAULT 'pending',
        total numeric(12,2),
        quantity integer NOT NULL DEFAULT 1,
        points integer,
        email text,
        shipping_street text,
        shipping_city text,
        currency char(3),
        legacy_code varchar(20),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT orders_total_nonneg CHECK (total >= 0));
      CREATE INDEX orders_customer_id_idx ON orders (customer_id);
      CREATE TABLE order_events (order_id bigint NOT NULL, seq integer NOT NULL, payload jsonb);
      """;
  static final String TARGET = CURRENT + """
      CREATE TYPE payment_method AS ENUM ('card', 'sepa_debit', 'paypal');
      CREATE TABLE refunds (id bigint PRIMARY KEY, order_id integer NOT NULL REFERENCES orders (id),
        amount numeric(12,2) NOT NULL);
      CREATE TABLE customer_tiers (customer_id bigint PRIMARY KEY REFERENCES customers (id),
        loyalty_tier text NOT NULL, since date);
      CREATE INDEX customer_tiers_since_idx ON customer_tiers (since);
      """;

  /** One change per kind, with the fields the pipeline fills for it. */
  static Map<String, Change> samples() {
    Map<String, Change> m = new LinkedHashMap<>();
    m.put("add-column", Change.of("add-column", "orders").withColumn("channel")
        .withTypes(null, "text").withNotNull(true).withDefault("'web'"));
    m.put("drop-column", Change.of("drop-column", "orders").withColumn("legacy_code")
        .withTypes("varchar(20)", null));
    m.put("rename-column", Change.of("rename-column", "orders").withColumn("email")
        .withTo("customer_email").withTypes("text", "text"));
    m.put("rename-table", Change.of("rename-table", "coupons").withTo("promotions"));
    m.put("change-type", Change.of("change-type", "orders").withColumn("points")
        .withTypes("integer", "bigint").withDefault("0"));
    m.put("set-not-null", Change.of("set-not-null", "orders").withColumn("customer_id")
        .withTypes(null, "bigint"));
    m.put("drop-not-null", Change.of("drop-not-null", "customers").withColumn("email"));
    m.put("set-default", Change.of("set-default", "orders").withColumn("currency")
        .withDefault("'EUR'"));
    m.put("drop-default", Change.of("drop-default", "orders").withColumn("created_at"));
    m.put("add-index", Change.of("add-index", "orders").withName("orders_status_created_at_idx")
        .withColumns(List.of("status", "created_at")));
    m.put("drop-index", Change.of("drop-index", "orders").withName("orders_customer_id_idx")
        .withColumns(List.of("customer_id")));
    m.put("add-foreign-key", Change.of("add-foreign-key", "orders")
        .withName("orders_customer_id_fkey").withColumns(List.of("customer_id"))
        .withReference("customers", List.of()));
    m.put("add-check", Change.of("add-check", "orders").withName("orders_quantity_check")
        .withColumns(List.of("quantity")).withExpression("quantity > 0"));
    m.put("add-unique", Change.of("add-unique", "customers").withName("customers_email_key")
        .withColumns(List.of("email")));
    m.put("add-primary-key", Change.of("add-primary-key", "order_events")
        .withName("order_events_pkey").withColumns(List.of("order_id", "seq")));
    m.put("drop-constraint", Change.of("drop-constraint", "orders").withName("orders_total_nonneg")
        .withColumns(List.of("total")).withExpression("check"));
    m.put("create-table", Change.of("create-table", "refunds"));
    m.put("drop-table", Change.of("drop-table", "legacy_carts").withTo("legacy_carts_deprecated"));
    m.put("create-enum", Change.of("create-enum", "payment_method")
        .withExpression("card, sepa_debit, paypal"));
    m.put("add-enum-value", Change.of("add-enum-value", "order_status").withExpression("refunded"));
    m.put("remove-enum-value", Change.of("remove-enum-value", "order_status")
        .withExpression("cancelled"));
    m.put("split-column", Change.of("split-column", "customers").withColumn("full_name")
        .withColumns(List.of("first_name", "last_name")).withTypes("text", "text")
        .withExpression("split_part(full_name, ' ', 1), split_part(full_name, ' ', 2)"));
    m.put("merge-column", Change.of("merge-column", "orders").withTo("shipping_address")
        .withColumns(List.of("shipping_street", "shipping_city")).withTypes(null, "text")
        .withExpression("concat_ws(', ', shipping_street, shipping_city)"));
    m.put("move-column", Change.of("move-column", "customers").withColumn("loyalty_tier")
        .withTo("customer_tiers").withColumns(List.of("customer_id", "loyalty_tier"))
        .withTypes("text", "text").withReference("customers", List.of("id")));
    return m;
  }

  /** Recipes that need a more specific change than their kind's sample. */
  static Map<String, Change> overrides() {
    return Map.of(
        "change-type-in-place", Change.of("change-type", "orders").withColumn("legacy_code")
            .withTypes("varchar(20)", "varchar(64)"),
        "change-type-new-column-not-null", Change.of("change-type", "orders")
            .withColumn("quantity").withTypes("integer", "bigint").withDefault("1"),
        "change-type-primary-key", Change.of("change-type", "orders").withColumn("id")
            .withTypes("integer", "bigint").withName("orders_pkey")
            .withDefault("nextval('orders_id_seq'::regclass)"),
        "add-unique-index", Change.of("add-index", "customers").withName("customers_email_uidx")
            .withColumns(List.of("email")).withExpression("unique"));
  }

  /** The change a recipe is instantiated with in these tests. */
  static Change sampleFor(Recipe r, String kind) {
    Change c = overrides().get(r.id());
    return c != null ? c : samples().get(kind);
  }

  static Map<String, Recipe> loadAll(List<String> problems) throws IOException {
    Map<String, Recipe> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(RECIPES)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        Recipe r = RecipeLibrary.parse(p.getFileName().toString(),
            Files.readString(p, StandardCharsets.UTF_8), problems);
        if (r != null) {
          out.put(r.id(), r);
        }
      }
    }
    return out;
  }

  /** Whether a step is part of the plan for this version and change (see library/README.md). */
  static boolean included(RecipeStep s, int version, boolean notNull, boolean hasDefault) {
    return included(s, version, notNull, hasDefault, null);
  }

  /**
   * Whether the pipeline includes the step. Without a template, derived steps are left out:
   * their SQL comes from the schemas (PlaybookEndStateTest and the rehearsals of the examples
   * cover it). {@code template} answers the sequence conditions; without one a sequence is
   * assumed.
   */
  static boolean included(RecipeStep s, int version, boolean notNull, boolean hasDefault,
      dev.migsafe.internal.plan.Template template) {
    if (s.derive() != null) {
      // Checked per instance only with a template: the rehearsal runs the ones it can stand for.
      return template != null;
    }
    String when = s.when();
    if (when == null) {
      return true;
    }
    for (String part : when.split("&&")) {
      if (!holds(part.trim(), version, notNull, hasDefault, template)) {
        return false;
      }
    }
    return true;
  }

  private static boolean holds(String w, int version, boolean notNull, boolean hasDefault,
      dev.migsafe.internal.plan.Template template) {
    if (w.startsWith("engineVersion >= ")) {
      return version >= Integer.parseInt(w.substring("engineVersion >= ".length()));
    }
    if (w.startsWith("engineVersion < ")) {
      return version < Integer.parseInt(w.substring("engineVersion < ".length()));
    }
    return switch (w) {
      case "notNull" -> notNull;
      case "!notNull" -> !notNull;
      case "hasDefault" -> hasDefault;
      case "!hasDefault" -> !hasDefault;
      case "hasSequence" -> template == null || template.has("sequence");
      case "!hasSequence" -> template != null && !template.has("sequence");
      case "hasOwnedSequence" -> template == null || template.has("ownedSequence");
      // Without a template the sample key is no identity, as in the sample schema.
      case "toIdentity" -> template != null && template.has("toIdentity");
      case "!toIdentity" -> template == null || !template.has("toIdentity");
      case "fromIdentity" -> template != null && template.has("fromIdentity");
      default -> throw new IllegalArgumentException(w);
    };
  }

  /** One filled statement is one statement, and migsafe's reader or JSqlParser understands it. */
  static String unreadable(String sql) {
    List<SourceStatement> statements = SqlSplitter.split(sql);
    if (statements.size() != 1) {
      return "is " + statements.size() + " statements, not one";
    }
    if (PgStatementReader.read(statements.get(0)).recognized()) {
      return null;
    }
    try {
      // JSqlParser answers statements it does not know with an UnsupportedStatement.
      return CCJSqlParserUtil.parse(sql) instanceof UnsupportedStatement ? "is read by neither"
          + " PgStatementReader nor JSqlParser (UnsupportedStatement)" : null;
    } catch (Exception e) {
      return "is read by neither PgStatementReader nor JSqlParser";
    }
  }

  @Test
  void everyRecipeLoadsAndHoldsTogether() throws IOException {
    List<String> problems = new ArrayList<>();
    Map<String, Recipe> recipes = loadAll(problems);
    Schema current = SchemaReader.read(CURRENT);
    Schema target = SchemaReader.read(TARGET);
    Set<String> served = new TreeSet<>();
    for (Recipe r : recipes.values()) {
      String where = r.id() + ".yaml: ";
      if (r.tree() == null || !Files.isRegularFile(TREES.resolve(r.tree() + ".yaml"))) {
        problems.add(where + "tree: '" + r.tree() + "' is not a file in " + TREES);
      }
      for (String kind : r.kinds()) {
        if (!KINDS.contains(kind)) {
          problems.add(where + "kinds: '" + kind + "' is not a change kind");
        }
        served.add(kind);
      }
      for (int i = 0; i < r.steps().size(); i++) {
        String w = r.steps().get(i).when();
        if (w != null && !WHEN.matcher(w.trim()).matches()) {
          problems.add(where + "steps[" + i + "].when: '" + w + "' is not a documented condition");
        }
      }
      checkEveryInstance(r, where, problems);
      for (String kind : r.kinds()) {
        Change c = sampleFor(r, kind);
        if (c == null) {
          problems.add(where + "no sample change for kind " + kind);
          continue;
        }
        checkFilled(r, kind, ChangeTemplate.of(c, current, target, 5000), where, problems);
      }
    }
    for (String kind : KINDS) {
      if (!served.contains(kind)) {
        problems.add("no recipe serves the change kind " + kind);
      }
    }
    assertThat(problems).as("recipe library problems").isEmpty();
    assertThat(recipes).hasSizeGreaterThanOrEqualTo(24);
  }

  /** Every combination the pipeline can instantiate: versions 10..17, NOT NULL, default. */
  private static void checkEveryInstance(Recipe r, String where, List<String> problems) {
    Set<String> reported = new TreeSet<>();
    for (int version = 10; version <= 17; version++) {
      for (boolean notNull : new boolean[] {false, true}) {
        for (boolean hasDefault : new boolean[] {false, true}) {
          String instance = " (PostgreSQL " + version + (notNull ? ", notNull" : "")
              + (hasDefault ? ", hasDefault" : "") + ")";
          List<RecipeStep> steps = new ArrayList<>();
          for (RecipeStep s : r.steps()) {
            if (included(s, version, notNull, hasDefault)) {
              steps.add(s);
            }
          }
          int pnr = -1;
          String lastPhase = "A";
          boolean validated = false;
          for (int i = 0; i < steps.size(); i++) {
            RecipeStep s = steps.get(i);
            String step = "step '" + s.title() + "'";
            if (s.phase().compareTo(lastPhase) < 0) {
              reported.add(where + step + " is in phase " + s.phase() + " after phase "
                  + lastPhase + ": steps run phase by phase, so they must be in phase order");
            }
            lastPhase = s.phase();
            if (s.pointOfNoReturn()) {
              if (pnr >= 0) {
                reported.add(where + "more than one pointOfNoReturn step" + instance);
              }
              pnr = i;
            }
            if (pnr >= 0 && i >= pnr && s.rollback() != null) {
              reported.add(where + step + " has a rollback at or after the point of no return");
            }
            String sql = s.sql() == null ? "" : s.sql();
            // A function's body runs later, from the trigger a step creates with its rollback;
            // creating the function destroys nothing (the move's mirrors a NULL by a DELETE).
            boolean function = sql.strip().toUpperCase(Locale.ROOT)
                .startsWith("CREATE OR REPLACE FUNCTION");
            if (DESTRUCTIVE.matcher(sql).matches() && !function
                && (pnr < 0 || s.rollback() != null)) {
              reported.add(where + step + " destroys data before the point of no return"
                  + " or with a rollback" + instance);
            }
            String upper = sql.toUpperCase(Locale.ROOT);
            if (upper.contains("VALIDATE CONSTRAINT")) {
              validated = true;
            }
            if (upper.contains("SET NOT NULL") && !(validated && version >= 12)
                && !s.title().contains("maintenance window")) {
              reported.add(where + step + " runs SET NOT NULL with a full scan under ACCESS"
                  + " EXCLUSIVE outside a maintenance window" + instance);
            }
          }
        }
      }
    }
    problems.addAll(reported);
  }

  /** Fills every text of the recipe; SQL must be one readable statement in its safe form. */
  private static void checkFilled(Recipe r, String kind, Template t, String where,
      List<String> problems) {
    fill(t, r.oldAppNewSchema().reason(), where + "oldAppNewSchema.reason", problems);
    fill(t, r.newAppOldSchema().reason(), where + "newAppOldSchema.reason", problems);
    for (int i = 0; i < r.steps().size(); i++) {
      RecipeStep s = r.steps().get(i);
      String path = where + "steps[" + i + "] (" + kind + ")";
      fill(t, s.title(), path + ".title", problems);
      fill(t, s.action(), path + ".action", problems);
      for (String[] field : new String[][] {{"sql", s.sql()}, {"rollback", s.rollback()},
          {"backfill", s.backfill()}}) {
        String sql = fill(t, field[1], path + "." + field[0], problems);
        if (sql == null) {
          continue;
        }
        String bad = unreadable(sql);
        if (bad != null) {
          problems.add(path + "." + field[0] + ": " + sql + " " + bad);
        }
        if (!field[0].equals("rollback")) {
          String unsafe = unsafeForm(r.id(), sql);
          if (unsafe != null) {
            problems.add(path + "." + field[0] + ": " + sql + ": " + unsafe);
          }
        }
      }
    }
  }

  /** A lock mode, a rewrite, a scan or a duration: what the plan computes for the direct form. */
  private static final Pattern FIGURE = Pattern.compile("(?i).*(\\b(ACCESS|ROW|SHARE|EXCLUSIVE)"
      + "\\b|catalog-only|\\brewrit|\\bscans? the|\\d+\\s*(ms|s|min|m|h|d)\\b|milliseconds"
      + "|seconds|minutes|hours).*");

  /**
   * Every recipe says why it is chosen over the direct statement, fills for its sample
   * change, and leaves the figures (lock, rewrite, scan, duration) to the plan, which computes
   * them for the table at hand: a figure written here would be wrong for some table.
   */
  @Test
  void everyRecipeSaysWhyWithoutWritingAFigure() throws IOException {
    List<String> problems = new ArrayList<>();
    Map<String, Recipe> recipes = loadAll(problems);
    Schema current = SchemaReader.read(CURRENT);
    Schema target = SchemaReader.read(TARGET);
    for (Recipe r : recipes.values()) {
      if (r.why() == null || r.why().isBlank()) {
        problems.add(r.id() + ".yaml: why: missing");
        continue;
      }
      if (FIGURE.matcher(r.why().replace("\n", " ")).matches()) {
        problems.add(r.id() + ".yaml: why: states a lock, a rewrite, a scan or a duration, "
            + "which the plan computes: " + r.why());
      }
      for (String kind : r.kinds()) {
        fill(ChangeTemplate.of(sampleFor(r, kind), current, target, 5000), r.why(),
            r.id() + ".yaml: why (" + kind + ")", problems);
      }
    }
    assertThat(problems).as("recipe library problems").isEmpty();
  }

  /**
   * A wait for the verification window is marked as one, so the plan makes it last the
   * packet's watch.duration instead of no time at all.
   */
  @Test
  void everyVerificationWindowWaitIsMarked() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Recipe r : loadAll(problems).values()) {
      for (RecipeStep s : r.steps()) {
        boolean says = (s.title() + " " + s.action()).toLowerCase(Locale.ROOT)
            .contains("wait out the verification window");
        if (says != (s.waits() == Recipe.Wait.VERIFICATION_WINDOW)) {
          problems.add(r.id() + ".yaml: step '" + s.title() + "' "
              + (says ? "waits out the verification window without wait: verification-window"
                  : "is marked wait: verification-window but does not say so"));
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * An action after phase B that deploys code is marked as a deployment, so that the plan gives
   * it the model's deployment time instead of scheduling the next step in the same second.
   */
  @Test
  void everyDeploymentAfterPhaseBIsMarked() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Recipe r : loadAll(problems).values()) {
      for (RecipeStep s : r.steps()) {
        if (s.action() == null || s.phase().equals("B")) {
          continue;
        }
        boolean deploys = s.action().startsWith("Deploy ") || s.action().startsWith("Redeploy ");
        if (deploys != (s.waits() == Recipe.Wait.DEPLOYMENT)) {
          problems.add(r.id() + ".yaml: step '" + s.title() + "' "
              + (deploys ? "deploys code without wait: deployment"
                  : "is marked wait: deployment but its action deploys nothing"));
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aWaitIsAnActionAndNamesAKnownWindow() {
    List<String> problems = new ArrayList<>();
    RecipeLibrary.parse("w.yaml", """
        id: w
        title: t
        kinds: [drop-column]
        compatibility:
          oldAppNewSchema: {compatible: true, reason: r}
          newAppOldSchema: {compatible: true, reason: r}
        steps:
          - {phase: D, title: a, sql: SELECT 1, wait: verification-window}
          - {phase: D, title: b, action: wait, wait: a-while}
        """, problems);
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("steps[0].wait",
        "only an action step can be a wait"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("steps[1].wait"));
  }

  private static String fill(Template t, String text, String path, List<String> problems) {
    if (text == null) {
      return null;
    }
    try {
      return t.fill(text);
    } catch (IllegalArgumentException e) {
      problems.add(path + ": " + e.getMessage());
      return null;
    }
  }

  /** The strong-lock forms a safe recipe never uses (see the rules with the same names). */
  static String unsafeForm(String recipe, String sql) {
    String s = sql.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (s.matches("CREATE (UNIQUE )?INDEX .*") && !s.contains(" CONCURRENTLY ")) {
      return "CREATE INDEX without CONCURRENTLY (pg-create-index-non-concurrently)";
    }
    if (s.startsWith("DROP INDEX ") && !s.contains(" CONCURRENTLY ")) {
      return "DROP INDEX without CONCURRENTLY (pg-drop-index-non-concurrently)";
    }
    if (s.matches(".* ADD CONSTRAINT .* (FOREIGN KEY|CHECK) .*") && !s.endsWith(" NOT VALID")) {
      return "ADD FOREIGN KEY / CHECK without NOT VALID";
    }
    if (s.matches(".* ADD CONSTRAINT .* (UNIQUE|PRIMARY KEY) .*") && !s.contains(" USING INDEX ")) {
      return "ADD UNIQUE / PRIMARY KEY without USING INDEX (pg-add-unique-without-using-index)";
    }
    if (s.matches(".* ALTER COLUMN .* TYPE .*") && !recipe.equals("change-type-in-place")) {
      return "ALTER COLUMN TYPE rewrites the table (pg-alter-column-type-rewrite)";
    }
    if (s.matches(".* ADD COLUMN .* DEFAULT .*") && !recipe.equals("add-column-constant-default")) {
      return "ADD COLUMN with a default rewrites before PostgreSQL 11 or when volatile";
    }
    return null;
  }

  @Test
  void theSharedLibraryLoadsFromTheClassPath() throws IOException {
    try (Stream<Path> files = Files.list(RECIPES)) {
      long count = files.filter(f -> f.toString().endsWith(".yaml")).count();
      assertThat(RecipeLibrary.shared().all()).hasSize((int) count);
    }
  }
}
