package dev.migsafe.api;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A change to one past-migration record: the fields to set (null leaves a field as it is), the
 * incidents and hotfixes to add, and a lesson paragraph to append. Creating a record needs at
 * least title, team, dialect, date, changes and status.
 *
 * @param expectedHash SHA-256 of the record file the caller read, or null; when given and the
 *     file on disk differs, nothing is written
 */
public record OutcomeUpdate(
    String id,
    String expectedHash,
    String title,
    String team,
    String dialect,
    String engineVersion,
    LocalDate date,
    String summary,
    List<String> tables,
    List<String> changes,
    String sql,
    Map<String, Long> tableRows,
    Duration plannedWindow,
    Duration actualDuration,
    String status,
    List<PastMigration.Incident> addIncidents,
    List<PastMigration.Hotfix> addHotfixes,
    Integer integrityDefects,
    Boolean rollbackPlanned,
    Boolean rollbackTested,
    Boolean rollbackExecuted,
    String addLesson) {

  public OutcomeUpdate {
    Objects.requireNonNull(id, "id");
    tables = tables == null ? null : List.copyOf(tables);
    changes = changes == null ? null : List.copyOf(changes);
    tableRows = tableRows == null ? null : Map.copyOf(tableRows);
    addIncidents = addIncidents == null ? List.of() : List.copyOf(addIncidents);
    addHotfixes = addHotfixes == null ? List.of() : List.copyOf(addHotfixes);
  }

  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Builds an {@link OutcomeUpdate}; every setter is optional. */
  public static final class Builder {
    private final String id;
    private String expectedHash;
    private String title;
    private String team;
    private String dialect;
    private String engineVersion;
    private LocalDate date;
    private String summary;
    private List<String> tables;
    private List<String> changes;
    private String sql;
    private Map<String, Long> tableRows;
    private Duration plannedWindow;
    private Duration actualDuration;
    private String status;
    private final List<PastMigration.Incident> incidents = new ArrayList<>();
    private final List<PastMigration.Hotfix> hotfixes = new ArrayList<>();
    private Integer integrityDefects;
    private Boolean rollbackPlanned;
    private Boolean rollbackTested;
    private Boolean rollbackExecuted;
    private String lesson;

    private Builder(String id) {
      this.id = id;
    }

    public Builder expectedHash(String v) {
      expectedHash = v;
      return this;
    }

    public Builder title(String v) {
      title = v;
      return this;
    }

    public Builder team(String v) {
      team = v;
      return this;
    }

    public Builder dialect(String v) {
      dialect = v;
      return this;
    }

    public Builder engineVersion(String v) {
      engineVersion = v;
      return this;
    }

    public Builder date(LocalDate v) {
      date = v;
      return this;
    }

    public Builder summary(String v) {
      summary = v;
      return this;
    }

    public Builder tables(List<String> v) {
      tables = v;
      return this;
    }

    public Builder changes(List<String> v) {
      changes = v;
      return this;
    }

    public Builder sql(String v) {
      sql = v;
      return this;
    }

    public Builder tableRows(Map<String, Long> v) {
      tableRows = v == null ? null : new LinkedHashMap<>(v);
      return this;
    }

    public Builder plannedWindow(Duration v) {
      plannedWindow = v;
      return this;
    }

    public Builder actualDuration(Duration v) {
      actualDuration = v;
      return this;
    }

    public Builder status(String v) {
      status = v;
      return this;
    }

    public Builder addIncident(PastMigration.Incident v) {
      incidents.add(v);
      return this;
    }

    public Builder addHotfix(PastMigration.Hotfix v) {
      hotfixes.add(v);
      return this;
    }

    public Builder integrityDefects(Integer v) {
      integrityDefects = v;
      return this;
    }

    public Builder rollbackPlanned(Boolean v) {
      rollbackPlanned = v;
      return this;
    }

    public Builder rollbackTested(Boolean v) {
      rollbackTested = v;
      return this;
    }

    public Builder rollbackExecuted(Boolean v) {
      rollbackExecuted = v;
      return this;
    }

    public Builder addLesson(String v) {
      lesson = v;
      return this;
    }

    public OutcomeUpdate build() {
      return new OutcomeUpdate(id, expectedHash, title, team, dialect, engineVersion, date,
          summary, tables, changes, sql, tableRows, plannedWindow, actualDuration, status,
          incidents, hotfixes, integrityDefects, rollbackPlanned, rollbackTested,
          rollbackExecuted, lesson);
    }
  }
}
