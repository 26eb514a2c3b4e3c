package dev.migsafe.internal.catalog;

import dev.migsafe.api.PastMigration;
import dev.migsafe.api.PastMigration.Hotfix;
import dev.migsafe.api.PastMigration.Incident;
import dev.migsafe.api.PastMigration.Outcome;
import dev.migsafe.api.PastMigration.Rollback;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A past migration in the record cache's binary form, every field, so that a record read from
 * the cache is equal to the one the YAML gives. Optional values are written with a presence
 * byte; lists and maps with their size, in their order.
 */
final class PastMigrationCodec {
  private PastMigrationCodec() {}

  static void write(PastMigration m, CacheBytes.Out out) {
    out.writeString(m.id()).writeString(m.title()).writeString(m.team())
        .writeString(m.dialect()).writeString(m.engineVersion());
    date(m.date(), out);
    out.writeString(m.summary());
    strings(m.tables(), out);
    strings(m.changes(), out);
    out.writeString(m.sql());
    out.writeInt(m.tableRows().size());
    for (Map.Entry<String, Long> e : m.tableRows().entrySet()) {
      out.writeString(e.getKey()).writeLong(e.getValue());
    }
    duration(m.plannedWindow(), out);
    duration(m.actualDuration(), out);
    Rollback r = m.rollback();
    out.writeByte(r == null ? 0 : 1 | (r.planned() ? 2 : 0) | (r.tested() ? 4 : 0)
        | (r.executed() ? 8 : 0));
    Outcome o = m.outcome();
    out.writeByte(o == null ? 0 : 1);
    if (o != null) {
      out.writeString(o.status()).writeInt(o.incidents().size());
      for (Incident i : o.incidents()) {
        out.writeString(i.severity()).writeString(i.cause()).writeInt(i.minutes())
            .writeString(i.description());
      }
      out.writeInt(o.integrityDefects()).writeInt(o.hotfixes().size());
      for (Hotfix h : o.hotfixes()) {
        out.writeString(h.cause());
        date(h.date(), out);
        out.writeString(h.description());
      }
    }
    out.writeString(m.lessons());
  }

  static PastMigration read(CacheBytes.In in) {
    String id = in.readString();
    String title = in.readString();
    String team = in.readString();
    String dialect = in.readString();
    String engineVersion = in.readString();
    LocalDate date = date(in);
    String summary = in.readString();
    List<String> tables = strings(in);
    List<String> changes = strings(in);
    String sql = in.readString();
    int rows = count(in);
    Map<String, Long> tableRows = new LinkedHashMap<>();
    for (int i = 0; i < rows; i++) {
      tableRows.put(in.readString(), in.readLong());
    }
    Duration planned = duration(in);
    Duration actual = duration(in);
    int r = in.readByte();
    Rollback rollback = r == 0 ? null : new Rollback((r & 2) != 0, (r & 4) != 0, (r & 8) != 0);
    Outcome outcome = null;
    if (in.readBoolean()) {
      String status = in.readString();
      int n = count(in);
      List<Incident> incidents = new ArrayList<>(Math.min(n, 64));
      for (int i = 0; i < n; i++) {
        incidents.add(new Incident(in.readString(), in.readString(), in.readInt(),
            in.readString()));
      }
      int defects = in.readInt();
      n = count(in);
      List<Hotfix> hotfixes = new ArrayList<>(Math.min(n, 64));
      for (int i = 0; i < n; i++) {
        hotfixes.add(new Hotfix(in.readString(), date(in), in.readString()));
      }
      outcome = new Outcome(status, incidents, defects, hotfixes);
    }
    String lessons = in.readString();
    return new PastMigration(id, title, team, dialect, engineVersion, date, summary, tables,
        changes, sql, tableRows, planned, actual, rollback, outcome, lessons);
  }

  private static int count(CacheBytes.In in) {
    int n = in.readInt();
    if (n < 0) {
      throw new IndexOutOfBoundsException("negative count " + n);
    }
    return n;
  }

  private static void strings(List<String> values, CacheBytes.Out out) {
    out.writeInt(values.size());
    values.forEach(out::writeString);
  }

  private static List<String> strings(CacheBytes.In in) {
    int n = count(in);
    List<String> out = new ArrayList<>(Math.min(n, 64));
    for (int i = 0; i < n; i++) {
      out.add(in.readString());
    }
    return out;
  }

  private static void date(LocalDate d, CacheBytes.Out out) {
    out.writeLong(d == null ? Long.MIN_VALUE : d.toEpochDay());
  }

  private static LocalDate date(CacheBytes.In in) {
    long day = in.readLong();
    return day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
  }

  private static void duration(Duration d, CacheBytes.Out out) {
    out.writeByte(d == null ? 0 : 1);
    if (d != null) {
      out.writeLong(d.getSeconds()).writeInt(d.getNano());
    }
  }

  private static Duration duration(CacheBytes.In in) {
    return in.readBoolean() ? Duration.ofSeconds(in.readLong(), in.readInt()) : null;
  }
}
