package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Change;
import dev.migsafe.internal.model.ChangeKind;
import dev.migsafe.internal.sql.Operation;
import dev.migsafe.internal.sql.PgStatementReader;
import dev.migsafe.internal.sql.SourceStatement;
import dev.migsafe.internal.sql.SqlSplitter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What code a migration can break, as surface targets: each change of a packet, or each
 * statement of a migration, that removes, renames or narrows what running code reads and
 * writes. Adding an index or a nullable column breaks no reader and is not looked for.
 */
public final class SurfaceTargets {
  /** Changes after which code that still uses the old table or column fails or misbehaves. */
  static final Set<ChangeKind> CONSUMER_FACING = EnumSet.of(ChangeKind.DROP_COLUMN,
      ChangeKind.RENAME_COLUMN, ChangeKind.CHANGE_TYPE, ChangeKind.SET_NOT_NULL,
      ChangeKind.SPLIT_COLUMN, ChangeKind.MERGE_COLUMN, ChangeKind.MOVE_COLUMN,
      ChangeKind.DROP_TABLE, ChangeKind.RENAME_TABLE, ChangeKind.RENAME_ENUM_VALUE,
      ChangeKind.REMOVE_ENUM_VALUE, ChangeKind.CHANGE_ENUM);

  private SurfaceTargets() {}

  /** The targets of a packet's changes (as its plan derives them), named after each change. */
  public static List<SurfaceTarget> of(List<Change> changes) {
    Set<SurfaceTarget> out = new LinkedHashSet<>();
    for (Change c : changes) {
      ChangeKind kind = ChangeKind.parse(c.kind());
      if (kind == null || !CONSUMER_FACING.contains(kind) || c.table() == null) {
        continue;
      }
      String reason = (c.id() == null ? "" : c.id() + " ") + c.kind();
      List<String> columns = new ArrayList<>();
      if (c.column() != null) {
        columns.add(c.column());
      }
      if (c.columns() != null) {
        columns.addAll(c.columns());
      }
      if (columns.isEmpty()) {
        out.add(SurfaceTarget.of(c.table(), null).because(reason));
      }
      for (String col : columns) {
        out.add(SurfaceTarget.of(c.table(), col).because(reason));
      }
    }
    return List.copyOf(out);
  }

  /**
   * What a packet's changes bring in under a new name, as targets: code that already uses them
   * fails on the schema before the change (the new application on the old schema). A renamed
   * column or table by its new name, an added column or table, the columns a split or merge
   * writes, a moved column in its new table.
   */
  public static List<SurfaceTarget> introducedBy(List<Change> changes) {
    Set<SurfaceTarget> out = new LinkedHashSet<>();
    for (Change c : changes) {
      ChangeKind kind = ChangeKind.parse(c.kind());
      if (kind == null || c.table() == null) {
        continue;
      }
      String reason = (c.id() == null ? "" : c.id() + " ") + c.kind();
      switch (kind) {
        case RENAME_COLUMN, MERGE_COLUMN -> {
          if (c.to() != null) {
            out.add(SurfaceTarget.of(c.table(), c.to()).because(reason));
          }
        }
        case ADD_COLUMN -> {
          if (c.column() != null) {
            out.add(SurfaceTarget.of(c.table(), c.column()).because(reason));
          }
        }
        case RENAME_TABLE -> {
          if (c.to() != null) {
            out.add(SurfaceTarget.of(c.to(), null).because(reason));
          }
        }
        case CREATE_TABLE -> out.add(SurfaceTarget.of(c.table(), null).because(reason));
        case SPLIT_COLUMN -> {
          for (String col : c.columns() == null ? List.<String>of() : c.columns()) {
            out.add(SurfaceTarget.of(c.table(), col).because(reason));
          }
        }
        // columns: the new table's key, then the column that receives the values.
        case MOVE_COLUMN -> {
          if (c.to() != null && c.columns() != null && c.columns().size() == 2) {
            out.add(SurfaceTarget.of(c.to(), c.columns().get(1)).because(reason));
          }
        }
        default -> { }
      }
    }
    return List.copyOf(out);
  }

  /** The targets of a migration's statements, each named after its file line and kind. */
  public static List<SurfaceTarget> of(String fileName, String sql) {
    Set<SurfaceTarget> out = new LinkedHashSet<>();
    for (SourceStatement st : SqlSplitter.split(sql)) {
      for (Operation op : PgStatementReader.read(st).operations()) {
        if (op.getOperationKind() == null || op.getTable() == null) {
          continue;
        }
        ChangeKind kind = op.getOperationKind().changeKind();
        if (kind == null || !CONSUMER_FACING.contains(kind)) {
          continue;
        }
        String reason = fileName + ":" + st.line() + " " + op.getKind();
        // The reader has folded the names: a quoted "favoriteCount" keeps its case, so it is
        // not folded again.
        String table = op.getTable().startsWith("public.") ? op.getTable().substring(7)
            : op.getTable();
        out.add(new SurfaceTarget(table, op.getColumn(), reason));
      }
    }
    return List.copyOf(out);
  }
}
