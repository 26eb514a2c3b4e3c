package dev.migsafe.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Catalog;
import dev.migsafe.api.PastMigration;
import dev.migsafe.api.SkippedRecord;
import dev.migsafe.api.ValidationTemplate;
import dev.migsafe.internal.catalog.CatalogLoader;
import dev.migsafe.internal.catalog.CatalogLocation;
import dev.migsafe.internal.catalog.TemplateSql;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog in {@code catalog/} and the copy packaged on the class path load with zero
 * problems, cover what the issue promised, and every template parses once filled.
 */
class ShippedCatalogTest {
  private static Catalog catalog;

  @BeforeAll
  static void load() {
    catalog = CatalogLoader.load(new CatalogLocation(Path.of("catalog"))).catalog();
  }

  @Test
  void everyRecordLoadsWithoutProblems() {
    assertThat(catalog.skipped().stream().flatMap(s -> s.problems().stream()))
        .as("problems in catalog/").isEmpty();
  }

  @Test
  void theCopyOnTheClassPathIsTheSame() {
    Catalog shipped = CatalogLoader.load(CatalogLocation.shipped()).catalog();
    assertThat(shipped.skipped()).extracting(SkippedRecord::problems).isEmpty();
    assertThat(shipped.migrations()).isEqualTo(catalog.migrations());
    assertThat(shipped.validations()).isEqualTo(catalog.validations());
  }

  @Test
  void pastMigrationsLookLikeARealHistory() {
    List<PastMigration> ms = catalog.migrations();
    assertThat(ms).hasSizeGreaterThanOrEqualTo(40);
    assertThat(ms.stream().map(PastMigration::dialect).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("postgresql", "mysql");
    assertThat(ms.stream().map(PastMigration::team).distinct().count()).isGreaterThanOrEqualTo(5);
    assertThat(ms.stream().map(m -> m.outcome().status()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("success", "incident", "rolled-back", "aborted");
    Set<String> causes = ms.stream().flatMap(m -> m.outcome().incidents().stream())
        .map(PastMigration.Incident::cause).collect(Collectors.toSet());
    assertThat(causes).contains("lock-contention", "replication-lag", "table-rewrite");
    assertThat(ms).anyMatch(m -> m.outcome().hotfixes().stream()
        .anyMatch(h -> h.cause().equals("schema-drift")));
    assertThat(ms.stream().flatMap(m -> m.changes().stream()).collect(Collectors.toSet()))
        .contains("add-column", "backfill", "set-not-null", "add-index", "add-foreign-key",
            "add-unique", "rename-column", "change-type", "drop-column", "add-enum-value",
            "change-enum", "partition-table");
    // Every quarter from 2025-Q4 to 2026-Q4 has data for the reliability report.
    Set<String> quarters = new TreeSet<>();
    for (PastMigration m : ms) {
      LocalDate d = m.date();
      quarters.add(d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1));
    }
    assertThat(quarters).contains("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
    assertThat(ms).allMatch(m -> m.lessons() != null && !m.lessons().isBlank());
  }

  @Test
  void validationTemplatesCoverTheUsualChecks() {
    assertThat(catalog.validations()).hasSizeGreaterThanOrEqualTo(25);
    Set<String> ids = catalog.validations().stream().map(ValidationTemplate::id)
        .collect(Collectors.toSet());
    assertThat(ids).contains("fk-orphans", "duplicates", "null-count-before-not-null",
        "row-count-parity", "column-checksum-parity", "enum-domain", "range-fits-integer",
        "column-type-matches-target");
  }

  /** Every template, filled with hostile names, is one statement that JSqlParser reads. */
  @Test
  void everyTemplateParsesOnceItsPlaceholdersAreFilled() {
    List<String> failures = new ArrayList<>();
    for (ValidationTemplate t : catalog.validations()) {
      Map<String, String> values = new HashMap<>();
      TemplateSql.placeholders(t.sql()).forEach(p -> values.put(p, p + "\"; DROP TABLE y; --"));
      for (String dialect : List.of("postgresql", "mysql")) {
        if (!t.supports(dialect)) {
          continue;
        }
        String sql = TemplateSql.render(t.sql(), values, dialect);
        try {
          assertThat(CCJSqlParserUtil.parseStatements(sql).size()).isEqualTo(1);
          CCJSqlParserUtil.parse(sql);
        } catch (Exception | AssertionError e) {
          failures.add(t.id() + " (" + dialect + "): " + e.getMessage() + "\n  " + sql);
        }
      }
    }
    assertThat(failures).isEmpty();
  }
}
