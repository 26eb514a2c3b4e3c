package dev.migsafe.internal.render;

import dev.migsafe.api.LintListener;

/** A lint output format written as the run goes; {@link #finish} writes what follows the files. */
public interface LintStream extends LintListener {
  /** Ends the output (a summary, the document's close) and flushes it. */
  void finish();

  /** The counts of everything streamed so far. */
  LintTally tally();
}
