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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads {@code migrations/*.yaml} and {@code validations/*.yaml}. A malformed file is skipped
 * with every one of its problems ({@code FILE:LINE:COLUMN: path: message}) and the rest still
 * loads: one bad record must not take the team's memory offline.
 */
public final class CatalogLoader {
  /** A record is a page of YAML; anything this large is not one. */
  static final long MAX_RECORD_BYTES = 1024 * 1024;

  private CatalogLoader() {}

  public static LoadedCatalog load(CatalogLocation location) {
    List<SkippedRecord> skipped = new ArrayList<>();
    List<PastMigration> migrations = new ArrayList<>();
    Map<String, String> hashes = new LinkedHashMap<>();
    for (Path file : location.files(CatalogLocation.MIGRATIONS)) {
      Record<PastMigration> r = read(location, file, PastMigrationReader.KIND, skipped);
      if (r != null) {
        migrations.add(r.value());
        hashes.put(r.value().id(), r.hash());
      }
    }
    List<ValidationTemplate> validations = new ArrayList<>();
    for (Path file : location.files(CatalogLocation.VALIDATIONS)) {
      Record<ValidationTemplate> r = read(location, file, ValidationTemplateReader.KIND,
          skipped);
      if (r != null) {
        validations.add(r.value());
      }
    }
    migrations.sort(Comparator.comparing(PastMigration::id));
    validations.sort(Comparator.comparing(ValidationTemplate::id));
    Catalog catalog = new Catalog(location.label(), migrations, validations, skipped);
    return new LoadedCatalog(location, catalog, hashes);
  }

  private record Record<T>(T value, String hash) {}

  @SuppressWarnings("unchecked")
  private static <T> Record<T> read(CatalogLocation location, Path file, String kind,
      List<SkippedRecord> skipped) {
    String display = location.display(file);
    String name = file.getFileName().toString();
    Problems problems = new Problems(display);
    if (!name.endsWith(".yaml")) {
      problems.add(1, 1, "", "not a catalog record: record files end in .yaml");
      skipped.add(new SkippedRecord(display, problems.lines()));
      return null;
    }
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_RECORD_BYTES) {
        problems.add(1, 1, "", "larger than " + MAX_RECORD_BYTES / 1024 + " KiB; a record is "
            + "a page of YAML");
        skipped.add(new SkippedRecord(display, problems.lines()));
        return null;
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      problems.add(1, 1, "", "cannot be read: " + e.getMessage());
      skipped.add(new SkippedRecord(display, problems.lines()));
      return null;
    }
    String text = decode(bytes, problems);
    String stem = name.substring(0, name.length() - ".yaml".length());
    Object value = null;
    if (text != null) {
      value = kind.equals(PastMigrationReader.KIND)
          ? PastMigrationReader.read(text, stem, problems)
          : ValidationTemplateReader.read(text, stem, problems);
    }
    if (value == null || !problems.isEmpty()) {
      skipped.add(new SkippedRecord(display, problems.lines()));
      return null;
    }
    return new Record<>((T) value, ContentHash.of(bytes));
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
