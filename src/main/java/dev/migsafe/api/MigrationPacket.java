package dev.migsafe.api;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A migration packet (format {@code migsafe/v1}, see docs/packet.md): everything {@code plan}
 * needs to turn a schema change into a playbook. Schema texts are already resolved (files read
 * relative to the packet).
 *
 * @param source the packet file, or null when built in code
 */
public record MigrationPacket(
    Path source,
    String id,
    String title,
    String owner,
    List<String> reviewers,
    String dialect,
    String engineVersion,
    String intent,
    SchemaTexts schema,
    List<Rename> renames,
    List<Transform> transforms,
    List<MigrationStep> migration,
    Map<String, TableProfile> tables,
    Traffic traffic,
    List<Consumer> consumers,
    Constraints constraints,
    List<Invariant> invariants,
    Backfill backfill,
    Watch watch) {

  /** Current and target schema DDL; {@code currentSource} says where each came from. */
  public record SchemaTexts(String current, String target, String currentSource,
      String targetSource) {}

  /**
   * Where the current schema's lines are, for messages: its file, or for inline DDL the packet
   * file with {@code #schema.current} (lines then count from the start of the inline text).
   */
  public String currentSchemaSource() {
    String s = schema.currentSource();
    if (s == null || s.equals("inline")) {
      return (source == null ? "packet" : source.toString()) + "#schema.current";
    }
    return source == null || source.getParent() == null ? s : source.getParent().resolve(s)
        .toString();
  }

  /** Where the target schema's lines are, for messages, as {@link #currentSchemaSource}. */
  public String targetSchemaSource() {
    String s = schema.targetSource();
    if (s == null || s.equals("inline")) {
      return (source == null ? "packet" : source.toString()) + "#schema.target";
    }
    return source == null || source.getParent() == null ? s : source.getParent().resolve(s)
        .toString();
  }

  /** A rename hint: a column rename when {@code table} and {@code from}/{@code to} name columns; a table rename when only {@code table}→{@code to}. */
  public record Rename(String table, String from, String to) {
    public boolean isTableRename() {
      return from == null;
    }
  }

  /**
   * A hint that turns drops and adds the diff sees into one data-carrying change (an optional
   * field migsafe adds to packet-v1): {@code split-column} moves {@code from[0]} into the
   * columns {@code to}; {@code merge-column} moves the columns {@code from} into {@code
   * to[0]}. {@code expression} computes the new values from the old columns (for a split, one
   * expression per new column, comma-separated, in the order of {@code to}). {@code
   * move-column} moves the column {@code from[0]} of {@code table} into the new table {@code
   * move}: then {@code to} holds {@code move.column()} and {@code expression} is null.
   *
   * @param move where a {@code move-column} puts the column, null for the other kinds
   */
  public record Transform(String kind, String table, List<String> from, List<String> to,
      String expression, MoveTarget move) {
    /** A split or a merge, which moves nothing out of its table. */
    public Transform(String kind, String table, List<String> from, List<String> to,
        String expression) {
      this(kind, table, from, to, expression, null);
    }
  }

  /**
   * The new table a {@code move-column} transform moves a column into.
   *
   * @param table the new table of the target schema
   * @param column its column that receives the values
   * @param key its column that holds the source row's primary key (a foreign key to it)
   */
  public record MoveTarget(String table, String column, String key) {}

  /** One migration source: a file (path as written, and its text) or inline SQL. */
  public record MigrationStep(String file, String sql) {}

  /** Workload of one table. Absent numbers are null. */
  public record TableProfile(Long rows, Double sizeGb, Double writesPerSecond,
      Double readsPerSecond, Boolean partitioned) {}

  /** Time zone, and windows when heavy work must not run, or may. */
  public record Traffic(ZoneId timezone, List<Window> peakWindows,
      List<Window> maintenanceWindows) {}

  /** A weekly window: on these days, from..to local time (to may wrap past midnight). */
  public record Window(List<DayOfWeek> days, LocalTime from, LocalTime to) {}

  /** A dependent service and what it reads and writes ({@code table} or {@code table.column}). */
  public record Consumer(String service, String owner, List<String> reads, List<String> writes,
      boolean acknowledged) {}

  /** Operational limits. Absent ones are null. */
  public record Constraints(Duration downtimeTolerance, Duration maxLockWait,
      Duration maxStatementTime, Duration replicationLagLimit, List<String> compliance,
      String criticality) {}

  /**
   * A business invariant: a query whose result must be {@code expect}, or within {@code
   * min}..{@code max}, in the given phase.
   */
  /**
   * A business invariant.
   *
   * @param rehearse false for an invariant that only production data can satisfy (an absolute
   *     row count, recent activity): a rehearsal on scaled-down rows records it as not rehearsed
   *     instead of failing on it (an optional field migsafe adds to packet-v1)
   */
  public record Invariant(String id, String description, String sql, Double expect, Double min,
      Double max, String phase, boolean rehearse) {
    public Invariant(String id, String description, String sql, Double expect, Double min,
        Double max, String phase) {
      this(id, description, sql, expect, min, max, phase, true);
    }
  }

  /**
   * Overrides for the throttled backfill.
   *
   * @param maxDeadTuplePercent pause the backfill while the table's dead tuples exceed this
   *     percentage of its live ones, or null for the default (20, autovacuum's own threshold)
   */
  public record Backfill(Long batchSize, Duration pauseBetweenBatches,
      Integer maxDeadTuplePercent) {
    /** Overrides without a dead-tuple limit, as before it existed. */
    public Backfill(Long batchSize, Duration pauseBetweenBatches) {
      this(batchSize, pauseBetweenBatches, null);
    }
  }

  /** The post-migration watch window. */
  public record Watch(Duration duration, String onCall, List<Alert> alerts) {}

  /** An alert threshold on a metric. */
  public record Alert(String metric, String threshold) {}
}
