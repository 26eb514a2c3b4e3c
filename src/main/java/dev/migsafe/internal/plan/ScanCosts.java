package dev.migsafe.internal.plan;

import dev.migsafe.api.MigrationPacket;
import dev.migsafe.api.MigrationPacket.TableProfile;
import dev.migsafe.api.Plan;
import dev.migsafe.api.Plan.Validation;
import dev.migsafe.internal.model.TableScale;
import dev.migsafe.internal.schema.Constraint;
import dev.migsafe.internal.schema.Table;
import dev.migsafe.internal.sql.QueryNames;
import dev.migsafe.internal.sql.SqlTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a validation costs when it reads a large table (the packet's profile, {@link
 * TableScale#isLarge}), and how to run it in key ranges when one query would run longer than
 * a statement may (docs/plan-model.md, "Validations"). The estimate treats every read as a
 * full sequential scan at the model's {@code scanMbPerSecond}, slowed by the table's writes:
 * an index may make it cheaper, never dearer.
 */
final class ScanCosts {
  /**
   * A statement's budget when the packet sets no {@code maxStatementTime}: the {@code
   * statement_timeout} a rehearsal gives each validation.
   */
  static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);
  private static final Set<String> INTEGER_KEYS = Set.of("smallint", "integer", "bigint");

  private final MigrationPacket packet;
  private final ThroughputModel model;
  private final Duration budget;

  ScanCosts(MigrationPacket packet, ThroughputModel model) {
    this.packet = packet;
    this.model = model;
    Duration max = packet.constraints() == null ? null : packet.constraints().maxStatementTime();
    this.budget = max == null ? DEFAULT_BUDGET : max;
  }

  /** The validation with its scan and a description that states the cost; as is otherwise. */
  Validation cost(Validation v, PhaseSchemas schemas) {
    Optional<QueryNames> names = QueryNames.of(v.sql());
    if (names.isEmpty()) {
      return v;
    }
    List<String> large = new ArrayList<>();
    long rows = 0;
    double seconds = 0;
    for (String t : names.get().tables()) {
      TableProfile prof = packet.tables().get(t);
      long r = prof == null || prof.rows() == null ? 0 : prof.rows();
      double gb = prof == null || prof.sizeGb() == null ? 0 : prof.sizeGb();
      if (!TableScale.isLarge(r, gb)) {
        continue;
      }
      large.add(t);
      rows += r;
      double writes = prof.writesPerSecond() == null ? 0 : prof.writesPerSecond();
      seconds += gb * 1024 / model.scanMbPerSecond() * ThroughputModel.loadFactor(writes);
    }
    if (large.isEmpty()) {
      return v;
    }
    Duration estimate = Duration.ofMillis(Math.round(seconds * 1000));
    String cost = "reads " + String.format(Locale.ROOT, "%,d", rows) + " rows of "
        + String.join(" and ", large) + ", about " + human(estimate) + " at "
        + number(model.scanMbPerSecond()) + " MB/s slowed by the writes";
    if (estimate.compareTo(budget) <= 0) {
      return v.withScan(new Plan.Scan(large, rows, estimate, null, null, null, null, null))
          .withDescription(v.description() + "; " + cost);
    }
    KeyRangeQuery.Target target = KeyRangeQuery.target(v.sql());
    String why = target.reason();
    String key = null;
    if (target.splittable()) {
      key = integerKey(target.table(), schemas.at(v.phase()));
      why = key != null ? null : "table " + target.table() + " has no one-column integer "
          + "primary key at this phase to split it by";
    }
    String over = "longer than one statement may run (" + human(budget) + ")";
    if (why != null) {
      return v.withScan(new Plan.Scan(large, rows, estimate, null, null, null, null, why))
          .withDescription(v.description() + "; " + cost + ", " + over + ", and it cannot be "
              + "split by key: " + why);
    }
    TableProfile prof = packet.tables().get(target.table());
    long tableRows = prof == null || prof.rows() == null || prof.rows() == 0 ? rows
        : prof.rows();
    long size = roundDown(Math.max(1, (long) (tableRows * (budget.toMillis() / 1000.0)
        / Math.max(seconds, 0.001))));
    long chunks = (tableRows + size - 1) / size;
    String chunked = KeyRangeQuery.restrict(v.sql(), target, SqlQuoting.identifier(key));
    return v.withScan(new Plan.Scan(large, rows, estimate, key, chunked, size, chunks, null))
        .withDescription(v.description() + "; " + cost + ", " + over + ": run its key-range "
            + "form for " + String.format(Locale.ROOT, "%,d", chunks) + " ranges of "
            + String.format(Locale.ROOT, "%,d", size) + " " + key + " values (:lo to :hi) and "
            + "add up the results");
  }

  /** The one-column integer primary key of the table at every moment, or null. */
  private static String integerKey(String table, List<PhaseSchemas.Moment> moments) {
    String key = null;
    for (PhaseSchemas.Moment m : moments) {
      Table t = m.schema().table(table);
      String here = null;
      if (t != null) {
        for (Constraint k : t.constraints()) {
          if (k.type().equals("primary-key") && k.columns().size() == 1
              && t.column(k.columns().get(0)) != null
              && t.column(k.columns().get(0)).type() != null
              && INTEGER_KEYS.contains(SqlTypes.baseName(t.column(k.columns().get(0)).type()))) {
            here = k.columns().get(0);
          }
        }
      }
      if (here == null || key != null && !key.equals(here)) {
        return null;
      }
      key = here;
    }
    return key;
  }

  /** 1, 2 or 5 times a power of ten, at most {@code n}: a range size a person can type. */
  static long roundDown(long n) {
    long p = 1;
    while (p * 10 <= n) {
      p *= 10;
    }
    return n >= 5 * p ? 5 * p : n >= 2 * p ? 2 * p : p;
  }

  /** 45 s, 12 min, 2.5 h: the precision a scan estimate has. */
  static String human(Duration d) {
    long s = d.toSeconds();
    if (s < 120) {
      return Math.max(1, s) + " s";
    }
    if (s < 120 * 60) {
      return Math.round(s / 60.0) + " min";
    }
    return number(Math.round(s / 360.0) / 10.0) + " h";
  }

  private static String number(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
