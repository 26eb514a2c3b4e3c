package dev.migsafe.internal.catalog;

import dev.migsafe.api.Catalog;
import dev.migsafe.api.PastMigration;
import dev.migsafe.api.SkippedRecord;
import dev.migsafe.api.ValidationTemplate;
import dev.migsafe.internal.yaml.Problems;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Loads {@code migrations/*.yaml} and {@code validations/*.yaml}. A malformed file is skipped
 * with every one of its problems ({@code FILE:LINE:COLUMN: path: message}) and the rest still
 * loads: one bad record must not take the team's memory offline. Past migrations, of which a
 * catalog may hold 100,000, go through {@link PastMigrationFolder} (cached and parallel).
 */
public final class CatalogLoader {
  /**
   * A record is a page of YAML; anything this large is not one. {@code outcome record} refuses
   * to write what this refuses to read ({@link OutcomeRecorder}).
   */
  static final long MAX_RECORD_BYTES = 1024 * 1024;
  /** Why a file is skipped by {@link #fits}: readers and the writer say it alike. */
  static final String TOO_LARGE = "larger than " + MAX_RECORD_BYTES / 1024 + " KiB; a record is "
      + "a page of YAML";

  private CatalogLoader() {}

  public static LoadedCatalog load(CatalogLocation location) {
    PastMigrationFolder.Read past = PastMigrationFolder.read(location);
    List<SkippedRecord> skipped = new ArrayList<>(past.skipped());
    List<String> warnings = new ArrayList<>(past.warnings());
    List<PastMigration> migrations = new ArrayList<>(past.migrations());
    List<ValidationTemplate> validations = new ArrayList<>();
    for (Path file : location.files(CatalogLocation.VALIDATIONS)) {
      String display = location.display(file);
      Problems problems = new Problems(display);
      byte[] bytes = bytes(file, problems);
      Object value = bytes == null ? null
          : parse(bytes, file, ValidationTemplateReader.KIND, problems);
      if (value == null || !problems.isEmpty()) {
        skipped.add(new SkippedRecord(display, problems.lines()));
      } else {
        validations.add((ValidationTemplate) value);
        warnings.addAll(problems.warningLines());
      }
    }
    migrations.sort(Comparator.comparing(PastMigration::id));
    validations.sort(Comparator.comparing(ValidationTemplate::id));
    Catalog catalog = new Catalog(location.label(), migrations, validations, skipped,
        location.source(), warnings);
    return new LoadedCatalog(location, catalog, past.hashes());
  }

  /**
   * The bytes of a record file, or null with the problem recorded: not named {@code *.yaml},
   * too large, or unreadable.
   */
  static byte[] bytes(Path file, Problems problems) {
    if (!file.getFileName().toString().endsWith(".yaml")) {
      problems.add(1, 1, "", "not a catalog record: record files end in .yaml");
      return null;
    }
    try {
      if (!fits(Files.size(file))) {
        problems.add(1, 1, "", TOO_LARGE);
        return null;
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      problems.add(1, 1, "", "cannot be read: " + e.getMessage());
      return null;
    }
  }

  /** Whether a record file of this many bytes is read at all. */
  static boolean fits(long bytes) {
    return bytes <= MAX_RECORD_BYTES;
  }

  /** The record of {@code kind} the bytes hold, or null with its problems recorded. */
  static Object parse(byte[] bytes, Path file, String kind, Problems problems) {
    String text = decode(bytes, problems);
    if (text == null) {
      return null;
    }
    String name = file.getFileName().toString();
    String stem = name.substring(0, name.length() - ".yaml".length());
    return kind.equals(PastMigrationReader.KIND)
        ? PastMigrationReader.read(text, stem, problems)
        : ValidationTemplateReader.read(text, stem, problems);
  }

  /** Strict UTF-8: a record in another encoding would be silently garbled. */
  static String decode(byte[] bytes, Problems problems) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      problems.add(1, 1, "", "not valid UTF-8 text");
      return null;
    }
  }
}
