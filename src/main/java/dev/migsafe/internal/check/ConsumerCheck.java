package dev.migsafe.internal.check;

import dev.migsafe.api.MigrationCheck.Evidence;
import dev.migsafe.api.MigrationCheck.Item;
import dev.migsafe.api.MigrationCheck.Point;
import dev.migsafe.api.MigrationCheck.Verdict;
import dev.migsafe.api.Plan.ConsumerImpact;
import java.util.ArrayList;
import java.util.List;

/**
 * The consumers the packet's change breaks, from the plan's compatibility analysis, and
 * whether each has acknowledged: SQL that is right still breaks a service nobody told, and
 * only its owner can say it is ready, so an unacknowledged one needs a person.
 */
final class ConsumerCheck {
  private ConsumerCheck() {}

  static Evidence of(List<ConsumerImpact> impacts) {
    List<Item> items = new ArrayList<>();
    for (ConsumerImpact c : impacts) {
      if (c.affectedBy().isEmpty()) {
        continue;
      }
      String changes = String.join(", ", c.affectedBy());
      items.add(c.acknowledged()
          ? new Item("consumer-acknowledged", Verdict.PASS, c.service(),
              "affected by " + changes + "; acknowledged by " + c.owner())
          : new Item("consumer-unacknowledged", Verdict.NEEDS_REVIEW, c.service(),
              "affected by " + changes + " and not acknowledged: ask " + c.owner()));
    }
    long open = items.stream().filter(i -> i.verdict() != Verdict.PASS).count();
    String summary = items.isEmpty() ? "no declared consumer is affected by the change"
        : open == 0 ? "every affected consumer acknowledged the change"
        : open + " affected consumer" + (open == 1 ? " has" : "s have")
            + " not acknowledged the change";
    return new Evidence(Point.CONSUMERS, ServerCheck.worst(items), summary, items);
  }
}
