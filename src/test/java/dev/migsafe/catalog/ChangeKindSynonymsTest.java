package dev.migsafe.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migsafe.api.Catalog;
import dev.migsafe.api.PastMigration;
import dev.migsafe.internal.catalog.CatalogLoader;
import dev.migsafe.internal.catalog.CatalogLocation;
import dev.migsafe.internal.model.ChangeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A record that names a change kind by a common synonym is counted under the kind it means,
 * with a warning at the word; an unknown kind still makes the record malformed.
 */
class ChangeKindSynonymsTest {
  @TempDir Path dir;

  private Path record(String changes) throws IOException {
    Path f = dir.resolve("migrations/good.yaml");
    Files.createDirectories(f.getParent());
    Files.writeString(f, CatalogLoaderTest.GOOD.replace("changes: [add-column]",
        "changes: " + changes));
    return f;
  }

  private Catalog load() {
    return CatalogLoader.load(new CatalogLocation(dir)).catalog();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "create-index, add-index",
    "add-unique-constraint, add-unique",
    "change-column-type, change-type",
  })
  void aSynonymIsReadAsItsKindWithAWarning(String synonym, String kind) throws IOException {
    Path f = record("[backfill, " + synonym + "]");
    for (int run = 1; run <= 2; run++) {
      // The second run would come from the record cache: the warning must not get lost there.
      Catalog c = load();
      assertThat(c.skipped()).as("run %d", run).isEmpty();
      assertThat(c.migrations()).extracting(PastMigration::changes)
          .containsExactly(java.util.List.of("backfill", kind));
      assertThat(c.warnings()).as("run %d", run).containsExactly(f + ":10:21: changes[1]: '"
          + synonym + "' is read as '" + kind + "'; write " + kind
          + ", the catalog's word for it");
    }
  }

  @Test
  void anUnknownKindStillSkipsTheRecord() throws IOException {
    Path f = record("[create-idx]");
    Catalog c = load();
    assertThat(c.migrations()).isEmpty();
    assertThat(c.warnings()).isEmpty();
    assertThat(c.skipped()).singleElement().satisfies(s -> assertThat(s.problems())
        .containsExactly(f + ":10:11: changes[0]: 'create-idx' is not one of the change kinds ("
            + ChangeKind.catalogListed() + ")"));
  }

  @Test
  void aKindNamedTwiceUnderTwoSpellingsIsAProblem() throws IOException {
    Path f = record("[add-index, create-index]");
    Catalog c = load();
    assertThat(c.migrations()).isEmpty();
    assertThat(c.skipped().get(0).problems())
        .containsExactly(f + ":10:22: changes[1]: 'create-index' names add-index a second time");
  }

  @Test
  void aPlanOnlyKindIsNotCatalogVocabulary() throws IOException {
    record("[move-column]");
    assertThat(load().skipped()).singleElement().satisfies(s ->
        assertThat(s.reason()).startsWith("changes[0]: 'move-column' is not one of"));
  }

  @Test
  void aTemplateMayNameASynonymToo() throws IOException {
    Path f = dir.resolve("validations/idx.yaml");
    Files.createDirectories(f.getParent());
    Files.writeString(f, """
        apiVersion: migsafe/v1
        kind: ValidationTemplate
        id: idx
        appliesTo: [create-index]
        phase: after-cutover
        description: The index is valid.
        sql: SELECT count(*) FROM pg_index WHERE NOT indisvalid
        expect: 0
        """);
    Catalog c = load();
    assertThat(c.skipped()).isEmpty();
    assertThat(c.validations()).singleElement().satisfies(v ->
        assertThat(v.appliesTo()).containsExactly("add-index"));
    assertThat(c.warnings()).singleElement().asString()
        .startsWith(f + ":4:13: appliesTo[0]: 'create-index' is read as 'add-index'");
  }
}
