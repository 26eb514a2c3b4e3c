package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface.Access;
import dev.migsafe.api.Surface.Certainty;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Uses of a Sequelize model in TypeScript and JavaScript, through its names:
 * <ul>
 *   <li>a static call on the model ({@code Share.findAll(...)}, also through {@code
 *       Share.scope(...)} or {@code Share.unscoped()}): {@code certain}, a use of the table,
 *       and each key naming an attribute under {@code where} (also inside {@code [Op.and]},
 *       {@code [Op.or]}, {@code [Op.not]}), each name in {@code attributes}, {@code order} and
 *       {@code group} a read of its column, each key of the values given to {@code create},
 *       {@code bulkCreate}, {@code update}, {@code upsert} and each field {@code increment}s a
 *       write;
 *   <li>an instance: its attributes ({@code share.views}), {@code share.update({...})},
 *       {@code share.set(...)}, {@code share.increment('views')}, {@code share.get('views')}:
 *       {@code certain} when the file types it as the model ({@code share: Share}, {@code
 *       await Share.findByPk(id)}), {@code likely} when the file does not type it but names it
 *       after the model ({@code share} for {@code Share}), as JavaScript code mostly does;
 *   <li>an object held in a local variable of the calling function and passed as the {@code
 *       where} ({@code { where }}, {@code where: filter}) or as the values of a static call:
 *       the keys of its object literal and the fields later assigned to it ({@code
 *       where.urlId = id}), read as if written in place (see {@link LocalObject}).
 * </ul>
 */
final class SequelizeUses extends ScriptModelUses {
  private static final Set<String> STATIC_READS = Set.of("findAll", "findOne", "findByPk",
      "findAndCountAll", "findOrCreate", "findOrBuild", "findCreateFind", "count", "max", "min",
      "sum", "aggregate");
  private static final Set<String> STATIC_WRITES = Set.of("create", "bulkCreate", "update",
      "destroy", "upsert", "increment", "decrement", "restore", "truncate");
  /** Static calls whose result is one instance, for typing the variable it is assigned to. */
  private static final Set<String> ONE = Set.of("findOne", "findByPk", "create", "build");
  private static final Set<String> INSTANCE = Set.of("update", "set", "increment",
      "decrement", "setDataValue", "get", "getDataValue", "changed", "previous");
  private static final Set<String> METHODS = union(STATIC_READS, STATIC_WRITES, INSTANCE);
  private static final Set<String> SCOPES = Set.of("scope", "unscoped", "schema");
  private static final Set<String> LOGIC = Set.of("and", "or", "not", "$and", "$or", "$not");

  private SequelizeUses(ScriptFile file, OrmModel model) {
    super(file, model);
  }

  static List<OrmUse> of(ScriptFile file, OrmModel model) {
    SequelizeUses u = new SequelizeUses(file, model);
    u.walk(METHODS);
    return u.out;
  }

  @Override
  void call(ScriptObjects.MemberCall call) {
    TSNode object = call.object();
    TSNode methodNode = call.methodNode();
    String method = call.method();
    if (!STATIC_READS.contains(method) && !STATIC_WRITES.contains(method)
        && !INSTANCE.contains(method)) {
      return;
    }
    List<TSNode> args = call.arguments();
    if (isModelRef(object)) {
      if (STATIC_READS.contains(method) || STATIC_WRITES.contains(method)) {
        out.add(use(null, methodNode, STATIC_READS.contains(method) ? Access.READ
            : Access.WRITE, Certainty.CERTAIN));
        staticArguments(method, args);
      }
      return;
    }
    Certainty c = instance(object);
    if (c == null || args.isEmpty()) {
      return;
    }
    TSNode first = args.get(0);
    switch (method) {
      case "update", "set" -> {
        keys(first, Access.WRITE, c);
        strings(first, Access.WRITE, c);
      }
      case "increment", "decrement" -> fields(first, Access.WRITE, c);
      case "setDataValue" -> strings(first, Access.WRITE, c);
      case "get", "getDataValue", "changed", "previous" -> strings(first, Access.READ, c);
      default -> { }
    }
  }

  private void staticArguments(String method, List<TSNode> args) {
    for (int i = 0; i < args.size(); i++) {
      TSNode a = args.get(i);
      boolean values = i == 0 && Set.of("create", "bulkCreate", "update", "upsert")
          .contains(method);
      if (values) {
        ScriptObjects.objectsIn(a).forEach(o -> keys(o, Access.WRITE, Certainty.CERTAIN));
        local(a, a, Access.WRITE);
      } else if (i == 0 && (method.equals("increment") || method.equals("decrement"))) {
        fields(a, Access.WRITE, Certainty.CERTAIN);
      } else if (i == 0 && Set.of("max", "min", "sum", "aggregate").contains(method)) {
        strings(a, Access.READ, Certainty.CERTAIN);
      } else {
        options(a);
      }
    }
  }

  /** A query's options: where, attributes, order, group; findOrCreate's defaults. */
  private void options(TSNode options) {
    for (ScriptObjects.Entry e : objects.entries(options)) {
      switch (e.key()) {
        case "where" -> {
          where(e.value());
          // { where } names the variable by its key; where: filter by its value.
          local(e.value() == null ? e.at() : e.value(), options, Access.READ);
        }
        case "attributes" -> {
          strings(e.value(), Access.READ, Certainty.CERTAIN);
          // { include: [...], exclude: [...] }
          for (ScriptObjects.Entry inner : objects.entries(e.value())) {
            strings(inner.value(), Access.READ, Certainty.CERTAIN);
          }
        }
        case "order", "group" -> {
          strings(e.value(), Access.READ, Certainty.CERTAIN);
          if (e.value() != null && e.value().getType().equals("array")) {
            for (TSNode item : SyntaxNodes.children(e.value(), "array")) {
              strings(item, Access.READ, Certainty.CERTAIN);
            }
          }
        }
        case "defaults" -> keys(e.value(), Access.WRITE, Certainty.CERTAIN);
        default -> { }
      }
    }
  }

  private void where(TSNode value) {
    for (TSNode object : ScriptObjects.objectsIn(value)) {
      for (ScriptObjects.Entry e : objects.entries(object)) {
        if (LOGIC.contains(e.key())) {
          where(e.value());
          continue;
        }
        OrmModel.Field f = model.field(e.key());
        if (f != null) {
          out.add(use(f.columnName(), e.at(), Access.READ, Certainty.CERTAIN));
        }
      }
    }
  }

  /**
   * The keys and later-assigned fields of the object a local variable holds, when {@code name}
   * is that variable: a where (read) or a create's values (written).
   */
  private void local(TSNode name, TSNode at, Access access) {
    if (name == null || !TreeCalls.type(name).equals("identifier")
        && !TreeCalls.type(name).equals("shorthand_property_identifier")) {
      return;
    }
    LocalObject held = LocalObject.of(nodes, at, nodes.text(name));
    if (held == null) {
      return;
    }
    if (access == Access.READ) {
      where(held.literal());
    } else {
      keys(held.literal(), access, Certainty.CERTAIN);
    }
    for (TSNode field : held.assigned()) {
      OrmModel.Field f = model.field(nodes.text(field));
      if (f != null) {
        out.add(use(f.columnName(), field, access, Certainty.CERTAIN));
      }
    }
  }

  /** increment's fields: a name, names, or an object of names and amounts. */
  private void fields(TSNode value, Access access, Certainty c) {
    strings(value, access, c);
    keys(value, access, c);
  }

  /** The model itself, or a scope of it: {@code Share}, {@code Share.scope(...)}. */
  private boolean isModelRef(TSNode node) {
    if (isModel(node)) {
      return true;
    }
    ScriptObjects.MemberCall c = objects.memberCall(node);
    return c != null && SCOPES.contains(c.method()) && isModelRef(c.object());
  }

  @Override
  Certainty instance(TSNode receiver) {
    if (TreeCalls.type(receiver).equals("this") || isModel(receiver)) {
      return null;
    }
    String type = types().of(receiver, this::resultType);
    if (type != null) {
      return ScriptTypes.is(type, model.name()) ? Certainty.CERTAIN : null;
    }
    return TreeCalls.type(receiver).equals("identifier")
        && nodes.text(receiver).equals(instanceName(model)) ? Certainty.LIKELY : null;
  }

  /** What code calls an instance of the model: {@code share} for {@code Share}. */
  static String instanceName(OrmModel model) {
    return Character.toLowerCase(model.name().charAt(0)) + model.name().substring(1);
  }

  /** The type of a variable's initialiser that is a static find or create on the model. */
  private String resultType(TSNode value) {
    ScriptObjects.MemberCall c = objects.memberCall(value);
    return c != null && ONE.contains(c.method()) && isModelRef(c.object()) ? model.name()
        : null;
  }
}
