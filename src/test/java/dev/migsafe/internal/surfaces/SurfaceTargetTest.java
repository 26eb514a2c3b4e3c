package dev.migsafe.internal.surfaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The prefilter that decides, before any parse, whether a file can hold SQL that uses a
 * table: each way code writes a table into SQL passes, the table's name used as a word of
 * the program does not.
 */
class SurfaceTargetTest {
  private static final SurfaceTarget DOCUMENTS = SurfaceTarget.of("documents", "title");

  private static boolean passes(String code) {
    return DOCUMENTS.mentionedInSql(code.toLowerCase(Locale.ROOT));
  }

  @Test
  void sqlNamesTheTableAfterAWordThatIntroducesOne() {
    assertThat(passes("q = \"SELECT title FROM documents WHERE id = ?\"")).isTrue();
    assertThat(passes("q = 'select d.title from documents d join users u on u.id = d.owner'"))
        .isTrue();
    assertThat(passes("`INSERT INTO documents (title) VALUES ($1)`")).isTrue();
    assertThat(passes("\"UPDATE ONLY documents SET title = ?\"")).isTrue();
    assertThat(passes("\"DELETE FROM public.documents\"")).isTrue();
    assertThat(passes("\"SELECT * FROM \\\"app\\\".\\\"documents\\\"\"")).isTrue();
    assertThat(passes("\"SELECT title FROM app.documents\"")).isTrue();
    assertThat(passes("MERGE INTO documents USING staging")).isTrue();
    assertThat(passes("\"SELECT title\\nFROM\\ndocuments\"")).isTrue();
    assertThat(passes("\"SELECT title FROM \" +\n    \"documents WHERE id = ?\"")).isTrue();
    assertThat(passes("sql = (\"SELECT title FROM \"\n       \"documents\")")).isTrue();
    assertThat(passes("\"SELECT title FROM (documents d JOIN x ON true)\"")).isTrue();
    assertThat(passes("\"SELECT d.title FROM users u, documents d\"")).isTrue();
    assertThat(passes("\"SELECT title FROM app.users AS u, x, documents\"")).isTrue();
  }

  @Test
  void aColumnAfterAnEscapedLineBreakIsStillAWord() {
    assertThat(SourceFile.mentionsATarget("\"select\\ntitle\\nfrom documents\"",
        java.util.List.of(DOCUMENTS))).isTrue();
  }

  @Test
  void theNameAsAWordOfTheProgramDoesNotPass() {
    assertThat(passes("const documents = await loadDocuments(); update(documents);")).isFalse();
    assertThat(passes("router.get('/documents', handler)")).isFalse();
    assertThat(passes("import { documents } from './documents'")).isFalse();
    // A comma before the name counts only in a FROM list.
    assertThat(passes("render(user, documents)")).isFalse();
    assertThat(passes("SELECT 1; const { auth, documents, policies } = useStores();")).isFalse();
    assertThat(passes("delete this entire workspace including collections, documents, and"))
        .isFalse();
    assertThat(passes("mydocuments FROM x")).isFalse();
  }
}
