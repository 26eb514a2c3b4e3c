package dev.migsafe.internal.surfaces;

/**
 * The cheap test an ORM reader makes of a file's text before parsing it: whether it names a
 * class as a whole word, in its case ({@code Share}, not {@code loadPublicShare} or
 * {@code SharedTree}), so that only the files that can use the model are parsed.
 */
final class CodeWords {
  private CodeWords() {}

  static boolean contains(String text, String word) {
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (SourceFile.isWordAt(text, at, at + word.length())) {
        return true;
      }
    }
    return false;
  }
}
