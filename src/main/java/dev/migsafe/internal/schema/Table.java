package dev.migsafe.internal.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table as the schema knows it. */
public final class Table {
  final String name;
  final Map<String, Column> columns = new LinkedHashMap<>();
  final List<Constraint> constraints = new ArrayList<>();
  boolean partitioned;
  boolean temporary;
  boolean unlogged;

  Table(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public Column column(String column) {
    return columns.get(column);
  }

  public Map<String, Column> columns() {
    return columns;
  }

  public List<Constraint> constraints() {
    return constraints;
  }

  public boolean partitioned() {
    return partitioned;
  }

  public boolean temporary() {
    return temporary;
  }

  public boolean hasPrimaryKey() {
    return constraints.stream().anyMatch(c -> c.type().equals("primary-key"));
  }

  Table copy(String newName) {
    Table t = new Table(newName);
    columns.forEach((k, v) -> t.columns.put(k, v.copy()));
    t.constraints.addAll(constraints);
    t.partitioned = partitioned;
    t.temporary = temporary;
    t.unlogged = unlogged;
    return t;
  }
}
