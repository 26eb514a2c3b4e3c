package dev.migsafe.internal.rehearse;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether the disk under an embedded server can hold the synthetic rows before any is written.
 * A fill that runs out of space half-way leaves a full disk on a shared CI machine and fails
 * with a server error far from its cause. The estimate is deliberately generous: a row of a
 * narrow table takes about 100 bytes with its tuple header, each index adds to that, and a
 * rewriting step (a type change, a copy-and-swap) makes a second copy while it runs.
 */
final class DiskBudget {
  /** Heap, indexes and a rewrite's second copy of one row, for each column. */
  private static final long BYTES_PER_ROW_AND_COLUMN = 60;
  private static final long BYTES_PER_ROW = 200;
  /** Left free for the server's WAL, the sorts of index builds and the rest of the machine. */
  private static final long MARGIN = 512L * 1024 * 1024;

  private DiskBudget() {}

  /** Refuses (bad input) a fill that would not fit on the file system of {@code dataDir}. */
  static void check(Path dataDir, Schema schema, Map<String, Long> rowsPerTable) {
    long needed = estimate(schema, rowsPerTable);
    long free;
    try {
      free = Files.getFileStore(dataDir).getUsableSpace();
    } catch (IOException e) {
      return; // no figure to judge by; the server reports a full disk itself
    }
    if (needed + MARGIN > free) {
      throw MigsafeException.badInput("the synthetic data needs about " + megabytes(needed)
          + " MB and " + megabytes(MARGIN) + " MB to spare, but " + dataDir.getParent()
          + " has " + megabytes(free) + " MB free; lower --scale or free some space");
    }
  }

  static long estimate(Schema schema, Map<String, Long> rowsPerTable) {
    long total = 0;
    for (var e : rowsPerTable.entrySet()) {
      var table = schema.tables().get(e.getKey());
      int columns = table == null ? 10 : table.columns().size();
      total += e.getValue() * (BYTES_PER_ROW + BYTES_PER_ROW_AND_COLUMN * columns);
    }
    return total;
  }

  private static long megabytes(long bytes) {
    return bytes / (1024 * 1024);
  }
}
