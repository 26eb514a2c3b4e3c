package dev.migsafe.internal.rehearse;

import dev.migsafe.internal.pg.SchemaComparison;
import dev.migsafe.internal.pg.SchemaDifference;
import dev.migsafe.internal.pg.SchemaSnapshot;
import dev.migsafe.internal.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The catalog state of every schema the packet's tables live in, so that a rollback is checked
 * where the tables are: {@code public}, and {@code app} for a packet that writes {@code
 * app.orders}. Differences outside {@code public} are named with their schema.
 */
final class SchemaState {
  private SchemaState() {}

  /** {@code public} (the scratch database's own), and every schema a table name qualifies. */
  /** The default schema first (its tables go by bare names), then the others in order. */
  static List<String> schemasOf(Schema current, String defaultSchema) {
    TreeSet<String> others = new TreeSet<>();
    for (String table : current.tables().keySet()) {
      int dot = table.lastIndexOf('.');
      if (dot > 0 && !table.substring(0, dot).equals(defaultSchema)) {
        others.add(table.substring(0, dot));
      }
    }
    List<String> out = new ArrayList<>();
    out.add(defaultSchema);
    out.addAll(others);
    return List.copyOf(out);
  }

  static Map<String, SchemaSnapshot> read(Connection c, List<String> schemas)
      throws SQLException {
    Map<String, SchemaSnapshot> out = new LinkedHashMap<>();
    for (String s : schemas) {
      out.put(s, SchemaSnapshot.read(c, s));
    }
    return out;
  }

  static List<SchemaDifference> compare(Map<String, SchemaSnapshot> expected,
      Map<String, SchemaSnapshot> actual) {
    List<SchemaDifference> out = new ArrayList<>();
    expected.forEach((schema, snapshot) -> {
      for (SchemaDifference d : SchemaComparison.compare(snapshot, actual.get(schema))) {
        out.add(schema.equals(expected.keySet().iterator().next()) ? d : new SchemaDifference(d.kind(),
            schema + "." + d.object(), d.expected(), d.actual(), schema + "." + d.message()));
      }
    });
    return out;
  }
}
