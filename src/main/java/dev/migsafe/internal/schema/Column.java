package dev.migsafe.internal.schema;

/** A column as the schema knows it. Mutable: replaying an operation changes it in place. */
public final class Column {
  String name;
  String type;
  boolean notNull;
  String defaultExpr;
  boolean identity;
  /** {@code always} or {@code by default} for an identity column; null otherwise. */
  String identityGeneration;
  boolean generated;

  Column(String name, String type) {
    this.name = name;
    this.type = type;
  }

  public String name() {
    return name;
  }

  public String type() {
    return type;
  }

  public boolean notNull() {
    return notNull;
  }

  public String defaultExpr() {
    return defaultExpr;
  }

  /** Whether the column is {@code GENERATED ... AS IDENTITY}. */
  public boolean identity() {
    return identity;
  }

  /** {@code always} or {@code by default} for an identity column, else null. */
  public String identityGeneration() {
    return identity ? identityGeneration : null;
  }

  Column copy() {
    Column c = new Column(name, type);
    c.notNull = notNull;
    c.defaultExpr = defaultExpr;
    c.identity = identity;
    c.identityGeneration = identityGeneration;
    c.generated = generated;
    return c;
  }
}
