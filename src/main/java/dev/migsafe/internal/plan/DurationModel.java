package dev.migsafe.internal.plan;

import dev.migsafe.api.MigrationPacket;
import java.time.Duration;
import java.util.Locale;

/**
 * How long a statement runs on a table of the packet, from the throughput model and the
 * table's profile (docs/plan-model.md). The playbook's steps and the direct statements of the
 * rationale go through the same figures, so that the two can be compared.
 */
final class DurationModel {
  private final ThroughputModel model;
  private final long batchSize;
  private final Duration pause;

  DurationModel(ThroughputModel model, MigrationPacket p, long batchSize) {
    this.model = model;
    this.batchSize = batchSize;
    this.pause = p.backfill().pauseBetweenBatches() == null ? Duration.ofMillis(100)
        : p.backfill().pauseBetweenBatches();
  }

  /**
   * One statement on the change's table, as the lint machinery judged it; {@code f} null for a
   * statement of the playbook's own (a session setting), which only changes the catalog.
   */
  Duration statement(String sql, PlanChange f, boolean rewrites, boolean scans) {
    if (f == null) {
      return catalogChange();
    }
    double mb = f.getSizeGb() * 1024;
    double load = ThroughputModel.loadFactor(f.getWritesPerSecond());
    String s = sql == null ? "" : sql.strip().toUpperCase(Locale.ROOT);
    if (s.startsWith("UPDATE")) {
      // Writing every row, not reading them, is what takes the time. Only a direct statement
      // updates every row at once; the playbook batches (backfill()).
      return everyRow(f);
    }
    if (s.startsWith("CREATE") && s.contains("INDEX") && scans) {
      // CONCURRENTLY reads the table twice. An index on a table the playbook has just created
      // reads nothing (lint reports no scan for it): the profile is the change's table's.
      double passes = s.contains("CONCURRENTLY") ? 2 : 1;
      return seconds(model.catalogChangeSeconds() + passes * mb / model.indexBuildMbPerSecond()
          * load);
    }
    if (rewrites) {
      return seconds(model.catalogChangeSeconds() + mb / model.rewriteMbPerSecond() * load);
    }
    if (scans) {
      return seconds(model.catalogChangeSeconds() + mb / model.scanMbPerSecond() * load);
    }
    return catalogChange();
  }

  /** One statement that writes (or copies) every row of the change's table at once. */
  Duration everyRow(PlanChange f) {
    return seconds(f.getRows() / model.backfillRowsPerSecond()
        * ThroughputModel.loadFactor(f.getWritesPerSecond()));
  }

  /** A batched backfill of the whole table: every batch, and the pause after each. */
  Duration backfill(PlanChange f) {
    double batches = Math.ceil((double) f.getRows() / batchSize);
    double perBatch = batchSize / model.backfillRowsPerSecond()
        * ThroughputModel.loadFactor(f.getWritesPerSecond()) + pause.toMillis() / 1000.0;
    return seconds(batches * perBatch);
  }

  /** One backfill batch, which is what {@code maxStatementTime} is compared with. */
  Duration batch() {
    return seconds(batchSize / model.backfillRowsPerSecond());
  }

  Duration deploy() {
    return seconds(model.deploySeconds());
  }

  Duration catalogChange() {
    return seconds(model.catalogChangeSeconds());
  }

  private static Duration seconds(double s) {
    return Duration.ofMillis(Math.max(0, Math.round(s * 1000)));
  }
}
