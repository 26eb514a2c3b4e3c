package dev.migsafe.internal.catalog;

import dev.migsafe.api.CatalogSource;
import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.rules.RuleBase;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the catalog is: a directory (given, or {@code catalog/} of the working directory), or
 * the copy packaged in migsafe's jar under {@code migsafe/catalog/}, which is read-only.
 *
 * @param root the directory; null for the shipped catalog
 * @param source whose history it holds; output says so when it is migsafe's sample
 */
public record CatalogLocation(Path root, CatalogSource source) {
  public static final String MIGRATIONS = "migrations";
  public static final String VALIDATIONS = "validations";
  /**
   * The file that marks a folder as migsafe's sample catalog. migsafe's own {@code catalog/}
   * has it, so that a fresh clone, whose working directory has that folder, does not present
   * the sample as the team's history; a team that adopts the folder deletes the file.
   */
  public static final String SAMPLE_MARKER = "SAMPLE.md";
  static final String SHIPPED = "migsafe/catalog";

  public CatalogLocation {
    if (root == null && source != CatalogSource.SAMPLE) {
      throw new IllegalArgumentException("the shipped catalog is the sample catalog");
    }
  }

  /** A folder the caller chose: {@link CatalogSource#EXPLICIT} unless it is marked a sample. */
  public CatalogLocation(Path root) {
    this(root, root == null ? CatalogSource.SAMPLE : sourceOf(root, CatalogSource.EXPLICIT));
  }

  /** {@code explicit} when given, else {@code catalog/} if it is a directory, else shipped. */
  public static CatalogLocation resolve(Path explicit) {
    if (explicit != null) {
      if (!Files.isDirectory(explicit)) {
        throw MigsafeException.badInput(explicit + ": no such catalog directory");
      }
      return new CatalogLocation(explicit);
    }
    Path local = Path.of("catalog");
    return Files.isDirectory(local)
        ? new CatalogLocation(local, sourceOf(local, CatalogSource.TEAM)) : shipped();
  }

  public static CatalogLocation shipped() {
    return new CatalogLocation(null, CatalogSource.SAMPLE);
  }

  private static CatalogSource sourceOf(Path dir, CatalogSource unmarked) {
    return Files.exists(dir.resolve(SAMPLE_MARKER)) ? CatalogSource.SAMPLE : unmarked;
  }

  public boolean isShipped() {
    return root == null;
  }

  /** How the catalog is named in output: its directory, or {@code (shipped)}. */
  public String label() {
    return isShipped() ? "(shipped)" : root.toString();
  }

  /** The record folder, for writing; fails for the shipped catalog. */
  public Path folder(String name) {
    if (isShipped()) {
      throw MigsafeException.badInput("the catalog shipped inside migsafe is read-only; "
          + "create catalog/ in the working directory or pass --catalog DIR");
    }
    return root.resolve(name);
  }

  /**
   * Every file in a record folder (not below it), sorted by name, hidden files left out.
   * Shipped files come from the class path, whether that is a folder or the jar.
   */
  public List<Path> files(String folder) {
    List<Path> entries = entries(folder);
    return isShipped() ? entries : entries.stream().filter(Files::isRegularFile).toList();
  }

  /**
   * Like {@link #files} but for a directory without asking whether each entry is a regular
   * file: a caller that reads each file's attributes anyway filters them itself, and saves a
   * {@code stat} per record (100,000 of them in a large catalog).
   */
  public List<Path> entries(String folder) {
    if (isShipped()) {
      List<Path> out = new ArrayList<>();
      for (Path p : RuleBase.resourceFiles(SHIPPED, "")) {
        Path parent = p.getParent();
        if (parent != null && parent.getFileName() != null
            && parent.getFileName().toString().equals(folder)
            && parent.getParent() != null && parent.getParent().getFileName() != null
            && parent.getParent().getFileName().toString().equals("catalog")
            && Files.isRegularFile(p) && !hidden(p)) {
          out.add(p);
        }
      }
      return out;
    }
    Path dir = root.resolve(folder);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    // Names, not paths, are sorted: comparing 100,000 short strings costs half as much as
    // comparing the paths' bytes, directory prefix included.
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) {
        String name = p.getFileName().toString();
        if (!name.startsWith(".")) {
          names.add(name);
        }
      }
    } catch (IOException | DirectoryIteratorException e) {
      throw MigsafeException.badInput(dir + ": cannot be listed: " + e.getMessage());
    }
    names.sort(null);
    List<Path> out = new ArrayList<>(names.size());
    for (String name : names) {
      out.add(dir.resolve(name));
    }
    return out;
  }

  /** How a record file is named in problems: under its directory, or its jar resource path. */
  public String display(Path file) {
    if (isShipped()) {
      return SHIPPED + "/" + file.getParent().getFileName() + "/" + file.getFileName();
    }
    return file.toString();
  }

  private static boolean hidden(Path p) {
    return p.getFileName().toString().startsWith(".");
  }
}
