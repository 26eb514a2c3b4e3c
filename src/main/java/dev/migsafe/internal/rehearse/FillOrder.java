package dev.migsafe.internal.rehearse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order to fill tables in: every table after the tables its foreign keys reference, so that
 * a child can take existing parent keys. In a cycle the table named first in the schema goes
 * first; its references to tables not yet filled become NULL (or an error when NOT NULL).
 */
final class FillOrder {
  private FillOrder() {}

  static List<LiveTable> parentsFirst(List<LiveTable> tables) {
    Map<Long, LiveTable> pending = new LinkedHashMap<>();
    tables.forEach(t -> pending.put(t.oid(), t));
    List<LiveTable> order = new ArrayList<>();
    while (!pending.isEmpty()) {
      LiveTable next = pending.values().stream()
          .filter(t -> t.foreignKeys().stream().noneMatch(
              fk -> fk.refOid() != t.oid() && pending.containsKey(fk.refOid())))
          .findFirst().orElse(pending.values().iterator().next());
      order.add(next);
      pending.remove(next.oid());
    }
    return order;
  }
}
