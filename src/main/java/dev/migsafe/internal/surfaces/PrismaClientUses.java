package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface.Access;
import dev.migsafe.api.Surface.Certainty;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Uses of a Prisma model's fields through the client, in TypeScript and JavaScript:
 * {@code prisma.order.findMany({ where: { email }, select: { email: true } })} reads the column
 * {@code email} maps to, {@code db.order.update({ data: { email } })} writes it. Found through
 * the schema's mapping, not by the word: a key counts only inside a call on the model's
 * accessor with a client method, under one of the client's argument keys.
 */
final class PrismaClientUses {
  private static final Set<String> METHODS = Set.of("findMany", "findFirst",
      "findFirstOrThrow", "findUnique", "findUniqueOrThrow", "create", "createMany",
      "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete",
      "deleteMany", "count", "aggregate", "groupBy");
  private static final Set<String> READS = Set.of("findMany", "findFirst",
      "findFirstOrThrow", "findUnique", "findUniqueOrThrow", "count", "aggregate", "groupBy");
  private static final Set<String> WRITES = Set.of("data", "create", "update");
  private static final Set<String> LOGIC = Set.of("AND", "OR", "NOT");
  private static final Set<String> ARGUMENTS = Set.of("where", "select", "omit", "orderBy",
      "distinct", "by", "cursor", "data", "create", "update", "_count", "_sum", "_avg", "_min",
      "_max", "having");

  private final byte[] utf8;
  private final OrmModel model;
  private final List<OrmUse> out = new ArrayList<>();

  private PrismaClientUses(byte[] utf8, OrmModel model) {
    this.utf8 = utf8;
    this.model = model;
  }

  static List<OrmUse> of(SourceLanguage language, String source, OrmModel model) {
    PrismaClientUses u = new PrismaClientUses(source.getBytes(StandardCharsets.UTF_8), model);
    u.walk(SyntaxTrees.parse(language, source).getRootNode());
    return u.out;
  }

  private void walk(TSNode node) {
    if (node.getType().equals("call_expression") && isModelCall(node)) {
      String method = text(node.getChildByFieldName("function").getChildByFieldName("property"));
      out.add(new OrmUse(model, null, node.getStartPoint().getRow() + 1,
          StringLiterals.column(utf8, node), READS.contains(method) ? Access.READ : Access.WRITE,
          Certainty.LIKELY));
      TSNode args = node.getChildByFieldName("arguments");
      if (args != null && !args.isNull() && args.getNamedChildCount() > 0
          && args.getNamedChild(0).getType().equals("object")) {
        for (TSNode pair : pairs(args.getNamedChild(0))) {
          String key = key(pair);
          TSNode value = pair.getChildByFieldName("value");
          if (ARGUMENTS.contains(key) && value != null && !value.isNull()
              && value.getType().equals("object")) {
            Access access = WRITES.contains(key) ? Access.WRITE : Access.READ;
            for (TSNode inner : pairs(value)) {
              fieldKey(inner, access);
            }
          }
        }
      }
    }
    for (int i = 0; i < node.getNamedChildCount(); i++) {
      walk(node.getNamedChild(i));
    }
  }

  /** {@code X.<model>.<method>(...)}. */
  private boolean isModelCall(TSNode call) {
    TSNode fn = call.getChildByFieldName("function");
    if (fn == null || fn.isNull() || !fn.getType().equals("member_expression")) {
      return false;
    }
    TSNode method = fn.getChildByFieldName("property");
    TSNode object = fn.getChildByFieldName("object");
    if (method == null || object == null || method.isNull() || object.isNull()
        || !METHODS.contains(text(method)) || !object.getType().equals("member_expression")) {
      return false;
    }
    TSNode accessor = object.getChildByFieldName("property");
    return accessor != null && !accessor.isNull() && text(accessor).equals(PrismaSchema.clientName(model));
  }

  private void fieldKey(TSNode pairOrShorthand, Access access) {
    String key = key(pairOrShorthand);
    if (LOGIC.contains(key)) {
      // where: { OR: [{ title: ... }, { content: ... }] } names fields one level further down.
      TSNode value = pairOrShorthand.getChildByFieldName("value");
      for (TSNode object : objectsIn(value)) {
        for (TSNode inner : pairs(object)) {
          fieldKey(inner, access);
        }
      }
      return;
    }
    for (OrmModel.Field f : model.fields()) {
      if (f.name().equals(key)) {
        out.add(new OrmUse(model, f.columnName(), pairOrShorthand.getStartPoint().getRow() + 1,
            StringLiterals.column(utf8, pairOrShorthand), access, Certainty.LIKELY));
      }
    }
  }

  /** The object, or the objects of an array, a value holds. */
  private static List<TSNode> objectsIn(TSNode value) {
    List<TSNode> list = new ArrayList<>();
    if (value == null || value.isNull()) {
      return list;
    }
    if (value.getType().equals("object")) {
      list.add(value);
    } else if (value.getType().equals("array")) {
      for (int i = 0; i < value.getNamedChildCount(); i++) {
        if (value.getNamedChild(i).getType().equals("object")) {
          list.add(value.getNamedChild(i));
        }
      }
    }
    return list;
  }

  private static List<TSNode> pairs(TSNode object) {
    List<TSNode> list = new ArrayList<>();
    for (int i = 0; i < object.getNamedChildCount(); i++) {
      TSNode c = object.getNamedChild(i);
      if (c.getType().equals("pair") || c.getType().equals("shorthand_property_identifier")) {
        list.add(c);
      } else if (c.getType().equals("spread_element") && c.getNamedChildCount() > 0) {
        // where: { pollId, ...(guest ? { guestId } : { userId }) }: the keys of each object
        // the spread can bring in.
        for (TSNode spread : spreadObjects(c.getNamedChild(0))) {
          list.addAll(pairs(spread));
        }
      }
    }
    return list;
  }

  /** The object literals an expression spread into an object can be: through ( ), ?: and &&. */
  private static List<TSNode> spreadObjects(TSNode e) {
    List<TSNode> out = new ArrayList<>();
    if (e == null || e.isNull()) {
      return out;
    }
    switch (e.getType()) {
      case "object" -> out.add(e);
      case "parenthesized_expression" -> {
        if (e.getNamedChildCount() > 0) {
          out.addAll(spreadObjects(e.getNamedChild(0)));
        }
      }
      case "ternary_expression" -> {
        out.addAll(spreadObjects(e.getChildByFieldName("consequence")));
        out.addAll(spreadObjects(e.getChildByFieldName("alternative")));
      }
      case "binary_expression" -> out.addAll(spreadObjects(e.getChildByFieldName("right")));
      default -> { }
    }
    return out;
  }

  private String key(TSNode pairOrShorthand) {
    if (pairOrShorthand.getType().equals("shorthand_property_identifier")) {
      return text(pairOrShorthand);
    }
    TSNode k = pairOrShorthand.getChildByFieldName("key");
    if (k == null || k.isNull()) {
      return "";
    }
    String t = text(k);
    return t.length() >= 2 && (t.startsWith("\"") || t.startsWith("'"))
        ? t.substring(1, t.length() - 1) : t;
  }

  private String text(TSNode node) {
    return new String(utf8, node.getStartByte(), node.getEndByte() - node.getStartByte(),
        StandardCharsets.UTF_8);
  }
}
