package dev.migsafe.internal.schema;

import dev.migsafe.internal.sql.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PostgreSQL schema as far as migrations need it: tables with columns, constraints and
 * indexes, enum types, and views with what they read and their grants. {@link #apply(Operation)} replays one operation, which is how the
 * linter knows the schema before every statement.
 */
public final class Schema {
  private final Map<String, Table> tables = new LinkedHashMap<>();
  private final Map<String, Index> indexes = new LinkedHashMap<>();
  private final Map<String, List<String>> enums = new LinkedHashMap<>();
  private final Map<String, View> views = new LinkedHashMap<>();

  /** A deep copy, for judging a rollback file without carrying its changes forward. */
  public Schema copy() {
    Schema s = new Schema();
    tables.forEach((k, v) -> s.tables.put(k, v.copy(k)));
    s.indexes.putAll(indexes);
    enums.forEach((k, v) -> s.enums.put(k, new ArrayList<>(v)));
    s.views.putAll(views);
    return s;
  }

  public Table table(String name) {
    return name == null ? null : tables.get(name);
  }

  public Map<String, Table> tables() {
    return tables;
  }

  public Map<String, Index> indexes() {
    return indexes;
  }

  public Map<String, List<String>> enums() {
    return enums;
  }

  /** Views and materialized views, by name, in the order they were created. */
  public Map<String, View> views() {
    return views;
  }

  /**
   * The views that read {@code column} of {@code table}, directly or through another view, in
   * the order they were created: drop them in reverse, create them in this order.
   */
  public List<View> viewsReading(String table, String column) {
    return Views.dependents(this, table, column);
  }

  public boolean isEnum(String type) {
    return type != null && enums.containsKey(type);
  }

  /** Indexes on {@code table}. */
  public List<Index> indexesOf(String table) {
    return indexes.values().stream().filter(i -> i.table().equals(table)).toList();
  }

  /** Replays one operation. Operations on unknown objects are ignored: the schema may be partial. */
  public void apply(Operation op) {
    Table t = table(op.getTable());
    switch (op.getKind()) {
      case "create-table" -> {
        Table created = new Table(op.getTable());
        created.partitioned = op.isTablePartitioned();
        created.temporary = "temporary".equals(op.getValue());
        created.unlogged = "unlogged".equals(op.getValue());
        tables.put(op.getTable(), created);
      }
      case "drop-table" -> {
        tables.remove(op.getTable());
        indexes.values().removeIf(i -> i.table().equals(op.getTable()));
      }
      case "rename-table" -> {
        if (t != null && op.getNewName() != null) {
          tables.remove(t.name);
          String newName = qualifyLike(t.name, op.getNewName());
          tables.put(newName, t.copy(newName));
          List<Index> moved = new ArrayList<>();
          indexes.values().removeIf(i -> {
            if (i.table().equals(t.name)) {
              moved.add(new Index(i.name(), newName, i.columns(), i.unique()));
              return true;
            }
            return false;
          });
          moved.forEach(i -> indexes.put(i.name(), i));
        }
      }
      case "add-column" -> {
        if (t != null && op.getColumn() != null) {
          Column c = new Column(op.getColumn(), op.getDataType());
          c.notNull = op.isNotNull();
          c.defaultExpr = op.getDefaultExpr();
          c.identity = op.isIdentity();
          c.identityGeneration = op.getIdentityGeneration();
          c.generated = op.isGeneratedStored();
          t.columns.put(c.name, c);
          if (op.isInlinePrimaryKey()) {
            t.constraints.add(new Constraint(t.name + "_pkey", "primary-key",
                List.of(c.name), null, null, true));
            indexes.put(t.name + "_pkey", new Index(t.name + "_pkey", t.name, List.of(c.name), true));
          }
          if (op.isInlineUnique()) {
            String n = t.name + "_" + c.name + "_key";
            t.constraints.add(new Constraint(n, "unique", List.of(c.name), null, null, true));
            indexes.put(n, new Index(n, t.name, List.of(c.name), true));
          }
          if (op.isInlineReferences()) {
            t.constraints.add(new Constraint(t.name + "_" + c.name + "_fkey", "foreign-key",
                List.of(c.name), null, op.getRefTable(), true, op.getRefColumns(),
                op.getReferentialActions()));
          }
          if (op.isInlineCheck()) {
            t.constraints.add(new Constraint(t.name + "_" + c.name + "_check", "check",
                List.of(c.name), op.getCheckExpr(), null, true));
          }
        }
      }
      case "drop-column" -> {
        if (t != null) {
          t.columns.remove(op.getColumn());
          t.constraints.removeIf(c -> c.columns().contains(op.getColumn()));
          indexes.values().removeIf(i -> i.table().equals(t.name)
              && i.columns().contains(op.getColumn()));
        }
      }
      case "rename-column" -> {
        if (t != null && t.columns.containsKey(op.getColumn()) && op.getNewName() != null) {
          Map<String, Column> renamed = new LinkedHashMap<>();
          t.columns.forEach((k, v) -> {
            if (k.equals(op.getColumn())) {
              v.name = op.getNewName();
              renamed.put(op.getNewName(), v);
            } else {
              renamed.put(k, v);
            }
          });
          t.columns.clear();
          t.columns.putAll(renamed);
          t.constraints.replaceAll(c -> c.renamedColumn(op.getColumn(), op.getNewName()));
          // A view follows the rename: it keeps reading the same column under its new name.
          views.replaceAll((name, v) -> Views.renamedColumn(v, t.name, op.getColumn(),
              op.getNewName()));
          // Indexes follow their columns' new names, as PostgreSQL's do.
          indexes.replaceAll((name, i) -> !i.table().equals(t.name) ? i
              : new Index(i.name(), i.table(), i.columns().stream()
                  .map(c -> c.equals(op.getColumn()) ? op.getNewName() : c).toList(),
                  i.unique()));
        }
      }
      case "alter-column-type" -> column(t, op).ifPresent(c -> c.type = op.getDataType());
      case "set-not-null" -> column(t, op).ifPresent(c -> c.notNull = true);
      case "drop-not-null" -> column(t, op).ifPresent(c -> c.notNull = false);
      case "set-default" -> column(t, op).ifPresent(c -> c.defaultExpr = op.getDefaultExpr());
      case "drop-default" -> column(t, op).ifPresent(c -> c.defaultExpr = null);
      // An identity reads as the default "identity", as in CREATE TABLE (PgStatementReader).
      case "add-identity" -> column(t, op).ifPresent(c -> {
        c.identity = true;
        c.identityGeneration = op.getIdentityGeneration();
        c.defaultExpr = "identity";
      });
      case "drop-identity" -> column(t, op).ifPresent(c -> {
        c.identity = false;
        c.identityGeneration = null;
        c.defaultExpr = null;
      });
      case "add-constraint" -> {
        if (t != null) {
          String name = op.getConstraintName() != null ? op.getConstraintName()
              : defaultConstraintName(t.name, op);
          List<String> cols = op.getColumns();
          if (op.isUsingIndex() && indexes.containsKey(op.getIndexName())) {
            Index idx = indexes.remove(op.getIndexName());
            cols = idx.columns();
            indexes.put(name, new Index(name, t.name, cols, true));
          } else if (("unique".equals(op.getConstraintType())
              || "primary-key".equals(op.getConstraintType()))) {
            indexes.put(name, new Index(name, t.name, cols, true));
          }
          if ("primary-key".equals(op.getConstraintType())) {
            for (String col : cols) {
              Column c = t.columns.get(col);
              if (c != null) {
                c.notNull = true;
              }
            }
          }
          t.constraints.add(new Constraint(name, op.getConstraintType(), cols, op.getCheckExpr(),
              op.getRefTable(), !op.isNotValid(), op.getRefColumns(),
              op.getReferentialActions()));
        }
      }
      case "validate-constraint" -> {
        if (t != null) {
          t.constraints.replaceAll(c -> c.name().equals(op.getConstraintName())
              ? c.withValidated() : c);
        }
      }
      case "rename-constraint" -> {
        if (t != null && op.getNewName() != null) {
          boolean indexed = t.constraints.stream().anyMatch(c -> c.name().equals(
              op.getConstraintName()) && ("unique".equals(c.type())
                  || "primary-key".equals(c.type())));
          t.constraints.replaceAll(c -> c.name().equals(op.getConstraintName())
              ? c.renamed(op.getNewName()) : c);
          // A unique or primary-key constraint's index is renamed with it.
          Index i = indexed ? indexes.get(op.getConstraintName()) : null;
          if (i != null && i.table().equals(t.name)) {
            indexes.remove(op.getConstraintName());
            indexes.put(op.getNewName(), new Index(op.getNewName(), i.table(), i.columns(),
                i.unique()));
          }
        }
      }
      case "drop-constraint" -> {
        if (t != null) {
          t.constraints.removeIf(c -> c.name().equals(op.getConstraintName()));
          indexes.remove(op.getConstraintName());
        }
      }
      case "create-index" -> {
        String name = op.getIndexName() != null ? op.getIndexName()
            : op.getTable() + "_" + String.join("_", op.getColumns()) + "_idx";
        indexes.put(name, new Index(name, op.getTable(), op.getColumns(), op.isUnique()));
      }
      case "drop-index" -> indexes.remove(op.getIndexName());
      case "rename-index" -> {
        Index i = indexes.remove(op.getIndexName());
        if (i != null && op.getNewName() != null) {
          indexes.put(op.getNewName(), new Index(op.getNewName(), i.table(), i.columns(), i.unique()));
        }
      }
      case "create-enum" -> enums.put(op.getObjectName(), enumLabels(op.getValue()));
      case "add-enum-value" -> enums.computeIfAbsent(op.getObjectName(), k -> new ArrayList<>())
          .add(unquote(op.getValue()));
      case "rename-enum-value" -> {
        List<String> labels = enums.get(op.getObjectName());
        if (labels != null) {
          labels.replaceAll(l -> l.equals(unquote(op.getValue())) ? unquote(op.getNewName()) : l);
        }
      }
      case "drop-type" -> enums.remove(op.getObjectName());
      case "rename-type" -> {
        List<String> labels = enums.remove(op.getObjectName());
        if (labels != null && op.getNewName() != null) {
          String renamed = qualifyLike(op.getObjectName(), op.getNewName());
          enums.put(renamed, labels);
          // Columns and their defaults refer to the type, not to its name: they follow it.
          String old = op.getObjectName();
          tables.values().forEach(x -> x.columns.values().forEach(c -> {
            if (old.equals(unquoted(c.type))) {
              c.type = renamed;
            }
            if (c.defaultExpr != null) {
              c.defaultExpr = c.defaultExpr.replaceAll("::(\"" + java.util.regex.Pattern.quote(old)
                  + "\"|" + java.util.regex.Pattern.quote(old) + "\\b)",
                  java.util.regex.Matcher.quoteReplacement("::" + renamed));
            }
          }));
        }
      }
      case "create-view", "create-materialized-view" -> {
        if (op.getView() != null) {
          views.put(op.getObjectName(), Views.created(this, op));
        }
      }
      case "drop-view", "drop-materialized-view" -> views.remove(op.getObjectName());
      case "grant", "revoke" -> Views.granted(views, op);
      case "set-logged" -> {
        if (t != null) {
          t.unlogged = false;
        }
      }
      case "set-unlogged" -> {
        if (t != null) {
          t.unlogged = true;
        }
      }
      default -> {
        // No schema effect migsafe tracks.
      }
    }
  }

  /** The names of tables in this schema, for messages. */
  public Set<String> tableNames() {
    return new LinkedHashSet<>(tables.keySet());
  }

  private static java.util.Optional<Column> column(Table t, Operation op) {
    return t == null ? java.util.Optional.empty()
        : java.util.Optional.ofNullable(t.columns.get(op.getColumn()));
  }

  private static String qualifyLike(String old, String newName) {
    int dot = old.lastIndexOf('.');
    return dot < 0 || newName.contains(".") ? newName : old.substring(0, dot + 1) + newName;
  }

  /** PostgreSQL's default constraint names: {@code t_pkey}, {@code t_a_key}, {@code t_a_fkey}, {@code t_a_check}. */
  private static String defaultConstraintName(String table, Operation op) {
    String base = table.contains(".") ? table.substring(table.lastIndexOf('.') + 1) : table;
    String cols = op.getColumns().isEmpty() ? "" : "_" + String.join("_", op.getColumns());
    return switch (op.getConstraintType() == null ? "" : op.getConstraintType()) {
      case "primary-key" -> base + "_pkey";
      case "unique" -> base + cols + "_key";
      case "foreign-key" -> base + cols + "_fkey";
      case "exclude" -> base + cols + "_excl";
      default -> base + cols + "_check";
    };
  }

  private static List<String> enumLabels(String inner) {
    List<String> labels = new ArrayList<>();
    if (inner == null) {
      return labels;
    }
    for (String part : inner.split(",")) {
      if (!part.isBlank()) {
        labels.add(unquote(part.trim()));
      }
    }
    return labels;
  }

  private static String unquote(String s) {
    if (s == null) {
      return null;
    }
    String t = s.trim();
    if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
      return t.substring(1, t.length() - 1).replace("''", "'");
    }
    return t;
  }

  /** A type name written as a quoted identifier, as its plain form when it needs no quotes. */
  private static String unquoted(String type) {
    return type != null && type.length() > 2 && type.startsWith("\"") && type.endsWith("\"")
        && type.substring(1, type.length() - 1).matches("[a-z_][a-z0-9_$]*")
        ? type.substring(1, type.length() - 1) : type;
  }
}
