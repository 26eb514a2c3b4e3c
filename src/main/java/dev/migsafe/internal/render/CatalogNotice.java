package dev.migsafe.internal.render;

import dev.migsafe.api.CatalogSource;

/**
 * The line every catalog-reading output carries when its past migrations are migsafe's sample
 * records: a sample incident looks exactly like a real one, and a reviewer who took it for the
 * team's history would weigh evidence that does not exist. The text holds no record data, so
 * it needs no escaping in any format.
 */
final class CatalogNotice {
  static final String SAMPLE = "Sample data: these past migrations come from migsafe's sample "
      + "catalog, not from your team's history. Record your own with `migsafe outcome record` "
      + "in catalog/, or choose a catalog with --catalog DIR (docs/catalog.md).";

  private CatalogNotice() {}

  /** The notice as one plain-text line with its line end, or empty for the team's catalog. */
  static String text(CatalogSource source) {
    return source == CatalogSource.SAMPLE ? SAMPLE.replace("`", "") + "\n" : "";
  }

  /** The notice as a Markdown quote followed by a blank line, or empty. */
  static String markdown(CatalogSource source) {
    return source == CatalogSource.SAMPLE ? "> **" + SAMPLE.replaceFirst(":", ":**") + "\n\n"
        : "";
  }

  /** The notice as an HTML paragraph of class {@code sample}, or empty. */
  static String html(CatalogSource source) {
    if (source != CatalogSource.SAMPLE) {
      return "";
    }
    String[] code = SAMPLE.split("`");
    return "<p class=\"sample\"><b>" + code[0].replaceFirst(":", ":</b>") + "<code>" + code[1]
        + "</code>" + code[2] + "</p>\n";
  }
}
