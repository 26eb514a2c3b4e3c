package dev.migsafe.internal.catalog;

import dev.migsafe.api.MigsafeException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Record ids. An id is also a file name, so the pattern is what keeps a record inside its
 * folder: no separator, no leading dot, at most 80 characters.
 */
public final class CatalogIds {
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");

  private CatalogIds() {}

  public static boolean isValid(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /**
   * The record file for an id inside {@code folder}, refusing an id that is not valid or that
   * would resolve anywhere else (the second check is belt and braces for the pattern).
   */
  public static Path fileFor(Path folder, String id) {
    if (!isValid(id)) {
      throw MigsafeException.badInput("'" + id + "' is not a valid record id: it must match "
          + ID.pattern());
    }
    Path file = folder.resolve(id + ".yaml").normalize();
    if (!folder.normalize().equals(file.getParent())) {
      throw MigsafeException.badInput("'" + id + "' would leave the catalog folder " + folder);
    }
    return file;
  }
}
