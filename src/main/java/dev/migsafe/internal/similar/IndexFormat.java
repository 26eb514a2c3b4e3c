package dev.migsafe.internal.similar;

import dev.migsafe.internal.catalog.ContentHash;
import dev.migsafe.internal.rules.RuleBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The format an index was written in: the field layout, plus a stamp of the code that turns a
 * record into features and terms (this package and the SQL analysis it uses). A record's file
 * hash says whether the record changed; this says whether the way of reading it changed. An
 * index of another format is rebuilt, so an upgrade of migsafe, or a change to the analysis in
 * a checkout, never searches documents described by older code.
 */
final class IndexFormat {
  /** Bump when the fields change in a way the code stamp cannot see (it sees all code). */
  static final String FIELDS = "1";
  private static final List<String> DESCRIBING_CODE = List.of("dev/migsafe/internal/similar",
      "dev/migsafe/internal/sql", "dev/migsafe/internal/locks", "dev/migsafe/internal/lint");

  static final String CURRENT = FIELDS + "-" + codeStamp();

  private IndexFormat() {}

  private static String codeStamp() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try {
      for (String pkg : DESCRIBING_CODE) {
        for (Path p : RuleBase.resourceFiles(pkg, ".class")) {
          all.write(p.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
          all.write(Files.readAllBytes(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ContentHash.of(all.toByteArray()).substring(0, 16);
  }
}
