package dev.migsafe.internal.surfaces;

import java.util.Locale;

/** Why a path of a repository was not read; each is counted in the scan's summary. */
public enum SkipReason {
  /** Not followed: a link can loop or lead out of the repository. */
  SYMBOLIC_LINK,
  UNREADABLE,
  /** Excluded by a {@code .gitignore}, or git's own {@code .git}. */
  IGNORED,
  /** Larger than {@link SourceFile#MAX_BYTES}: generated or data, not code people maintain. */
  TOO_LARGE,
  /** Holds a NUL byte. */
  BINARY,
  /** Not valid UTF-8. */
  NOT_UTF8,
  /** Script with a line longer than {@link SourceFile#MAX_LINE}: minified, generated. */
  MINIFIED;

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
