package dev.migsafe.internal.lint;

import dev.migsafe.api.MigsafeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds migration files under the given paths and puts them in the order their tool applies
 * them: Flyway by version ({@code V1_10} after {@code V1_9}), repeatable {@code R__} files after
 * every versioned one; golang-migrate by number; diesel and Prisma by folder name; anything else
 * by name, with digit runs compared as numbers. A down file sorts right after its up file.
 */
public final class MigrationFiles {
  private static final Pattern FLYWAY = Pattern.compile("(?i)^([VUR])([0-9._]*)__.+\\.sql$");
  private static final Pattern GOLANG = Pattern.compile("(?i)^(\\d+)_.+\\.(up|down)\\.sql$");
  private static final Pattern PRISMA_FOLDER = Pattern.compile("\\d{8,}_.*");

  private MigrationFiles() {}

  /**
   * Files under the paths, in application order. A missing path, or a folder without a single
   * {@code .sql} file, is bad input.
   */
  public static List<MigrationFile> discover(List<Path> paths) {
    List<MigrationFile> files = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw MigsafeException.badInput(p + ": no such file or directory");
      }
      if (Files.isDirectory(p)) {
        int before = files.size();
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
              .forEach(f -> files.add(classify(f, p.relativize(f).toString())));
        } catch (IOException e) {
          throw MigsafeException.badInput(p + ": cannot be read: " + e.getMessage());
        }
        // A folder without migrations is almost always a wrong path in a CI job: passing it
        // with "0 files" would let every later migration through unlinted.
        if (files.size() == before) {
          throw MigsafeException.badInput(p + ": no migration files (*.sql) in this folder");
        }
      } else {
        files.add(classify(p, p.toString()));
      }
    }
    files.sort(ORDER);
    return files;
  }

  /** How one file is classified; {@code display} is the path shown in output. */
  public static MigrationFile classify(Path file, String display) {
    String name = file.getFileName().toString();
    Path parent = file.getParent();
    String folder = parent == null || parent.getFileName() == null ? ""
        : parent.getFileName().toString();
    String shown = file.toString();
    Matcher fw = FLYWAY.matcher(name);
    if (fw.matches()) {
      String prefix = fw.group(1).toUpperCase(Locale.ROOT);
      String version = fw.group(2).replace('_', '.');
      // Repeatables run after all versioned migrations, so they sort last.
      String key = prefix.equals("R") ? "~" + name : version;
      return new MigrationFile(file, shown, "flyway", prefix.equals("U"), key);
    }
    Matcher go = GOLANG.matcher(name);
    if (go.matches()) {
      return new MigrationFile(file, shown, "golang-migrate",
          go.group(2).equalsIgnoreCase("down"), go.group(1));
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("up.sql") || lower.equals("down.sql")) {
      return new MigrationFile(file, shown, "diesel", lower.equals("down.sql"), folder);
    }
    // Prisma: <timestamp>_<name>/migration.sql; a lone migration.sql elsewhere is plain SQL.
    if (lower.equals("migration.sql") && PRISMA_FOLDER.matcher(folder).matches()) {
      return new MigrationFile(file, shown, "prisma", false, folder);
    }
    boolean down = lower.endsWith(".down.sql") || lower.endsWith("_down.sql")
        || lower.endsWith(".undo.sql") || lower.endsWith(".rollback.sql");
    return new MigrationFile(file, shown, "plain", down, display.replace('\\', '/'));
  }

  static final Comparator<MigrationFile> ORDER =
      Comparator.comparing(MigrationFile::orderKey, MigrationFiles::natural)
          .thenComparing(MigrationFile::rollback)
          .thenComparing(MigrationFile::displayPath);

  /** Compares strings with runs of digits compared by value: {@code 1.9 < 1.10}, {@code 2 < 10}. */
  static int natural(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int si = i;
        int sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && Character.isDigit(b.charAt(j))) {
          j++;
        }
        // Leading zeros dropped (keeping one digit), then the longer run is the larger number;
        // by hand rather than with a regular expression: this runs for every comparison.
        while (si < i - 1 && a.charAt(si) == '0') {
          si++;
        }
        while (sj < j - 1 && b.charAt(sj) == '0') {
          sj++;
        }
        int c = i - si != j - sj ? Integer.compare(i - si, j - sj)
            : CharSequence.compare(a.subSequence(si, i), b.subSequence(sj, j));
        if (c != 0) {
          return c;
        }
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
