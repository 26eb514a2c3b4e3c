package dev.migsafe.internal.plan;

import dev.migsafe.api.MigrationPacket;
import java.time.Duration;

/**
 * How long the playbook waits on the new form before a step makes it final (dropping the old
 * column, the old name, the old type): the packet's {@code watch.duration}, or a day without
 * one, so that the new form has seen a whole day's traffic, nightly jobs included.
 *
 * @param duration how long the wait lasts
 * @param stated whether the packet says so, rather than the default
 */
record VerificationWindow(Duration duration, boolean stated) {
  static final Duration DEFAULT = Duration.ofHours(24);

  static VerificationWindow of(MigrationPacket p) {
    Duration d = p.watch() == null ? null : p.watch().duration();
    return d == null || d.isZero() || d.isNegative() ? new VerificationWindow(DEFAULT, false)
        : new VerificationWindow(d, true);
  }

  /**
   * For a wait step's title: {@code waits 72h: watch.duration}, or the default and why it
   * applies.
   */
  String describe() {
    return "waits " + DurationText.compact(duration) + (stated ? ": watch.duration"
        : ": the default, as the packet sets no watch.duration");
  }
}
