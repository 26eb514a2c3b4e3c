package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface.Access;
import dev.migsafe.api.Surface.Certainty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Uses of ActiveRecord models in Ruby, found through the model, not the word:
 *
 * <ul>
 *   <li>a query on the model ({@code User.where(...)}, {@code Article.find_by_slug!(...)}) is
 *       a use of its table; the hash keys of {@code where}, {@code find_by}, {@code create},
 *       {@code update}, {@code order}, ... and the symbols of {@code pluck}, {@code select},
 *       {@code order}, {@code validates}, ... are uses of the columns they name (a key naming a
 *       {@code belongs_to} association, {@code user:}, of its {@code user_id}); dynamic
 *       finders ({@code find_by_email}) of theirs;
 *   <li>{@code record.email} and {@code record.email = ...} read and write the attribute.
 * </ul>
 *
 * <p>The model is known ({@code CERTAIN}) when the code names the class, or is inside it
 * ({@code self.slug}, a {@code scope}'s {@code where}); it is {@code LIKELY} when the receiver
 * is a variable or association named after the model ({@code @article.user_id}, {@code
 * @article.comments.order(...)}, {@code favorites.where(...)}). Any other receiver is not
 * typed, and not reported.
 */
final class ActiveRecordUses {
  /** Methods that return a relation on the same model, followed down to the chain's root. */
  private static final Set<String> CHAIN = Set.of("where", "not", "rewhere", "order", "reorder",
      "includes", "preload", "eager_load", "joins", "left_joins", "left_outer_joins", "limit",
      "offset", "distinct", "select", "group", "having", "all", "unscoped", "readonly", "lock",
      "none", "or", "and", "merge", "references", "strict_loading", "in_order_of",
      "tagged_with");
  /** Methods whose hash arguments' keys are attributes. */
  private static final Set<String> HASH_KEYS = Set.of("where", "not", "rewhere", "find_by",
      "find_by!", "find_or_create_by", "find_or_create_by!", "find_or_initialize_by",
      "create_with", "create", "create!", "new", "build", "insert", "insert!", "insert_all",
      "insert_all!", "upsert", "upsert_all", "update", "update!", "update_all",
      "update_columns", "update_attributes", "update_attributes!", "assign_attributes",
      "order", "reorder", "exists?", "first_or_create", "first_or_create!",
      "first_or_initialize", "delete_by", "destroy_by", "in_order_of");
  /** Methods whose symbol or string arguments are attributes. */
  private static final Set<String> NAMES = Set.of("pluck", "pick", "select", "order",
      "reorder", "group", "sum", "maximum", "minimum", "average", "count", "increment!",
      "decrement!", "toggle!", "increment", "decrement", "toggle", "update_column",
      "update_attribute", "validates", "validates_presence_of", "validates_uniqueness_of",
      "validates_length_of", "validates_format_of", "validates_numericality_of",
      "validates_inclusion_of", "validates_exclusion_of", "in_order_of");
  private static final Set<String> WRITES = Set.of("create", "create!", "new", "build",
      "insert", "insert!", "insert_all", "insert_all!", "upsert", "upsert_all", "update",
      "update!", "update_all", "update_columns", "update_column", "update_attribute",
      "update_attributes", "update_attributes!", "assign_attributes", "increment!",
      "decrement!", "toggle!", "increment", "decrement", "toggle", "find_or_create_by",
      "find_or_create_by!", "first_or_create", "first_or_create!", "create_with",
      "delete_all", "destroy_all", "delete_by", "destroy_by");
  private static final Set<String> ASSIGNMENTS = Set.of("assignment", "operator_assignment");
  /** Class methods that query the table, beyond the ones above. */
  private static final Set<String> FINDERS = Set.of("find", "first", "last", "take", "sole",
      "find_sole_by", "find_each", "find_in_batches", "in_batches", "any?", "many?", "ids",
      "delete_all", "destroy_all", "second", "third");
  private static final List<String> DYNAMIC_FINDERS = List.of("find_or_initialize_by_",
      "find_or_create_by_", "find_all_by_", "find_last_by_", "find_by_");

  private final SyntaxSource src;
  private final List<OrmModel> models;
  private final List<OrmUse> out = new ArrayList<>();

  private ActiveRecordUses(SyntaxSource src, List<OrmModel> models) {
    this.src = src;
    this.models = models;
  }

  static List<OrmUse> of(String text, List<OrmModel> models) {
    ActiveRecordUses u = new ActiveRecordUses(new SyntaxSource(SourceLanguage.RUBY, text),
        models);
    u.walk(u.src.root(), null);
    return u.out;
  }

  /**
   * @param inClass the model whose class body the node is in, or null (also inside a class
   *     that is another model or none)
   */
  private void walk(TSNode node, OrmModel inClass) {
    OrmModel here = inClass;
    if (node.getType().equals("class")) {
      boolean model = RailsModels.isModelClass(src, node);
      here = model ? named(RailsModels.className(src, node)) : null;
      if (model) {
        counterCaches(node);
      }
    } else if (node.getType().equals("call")) {
      call(node, here);
      permit(node);
    }
    for (TSNode c : SyntaxSource.namedChildren(node)) {
      walk(c, here);
    }
  }

  private void call(TSNode call, OrmModel inClass) {
    TSNode receiver = SyntaxSource.field(call, "receiver");
    TSNode methodNode = SyntaxSource.field(call, "method");
    if (methodNode == null) {
      return;
    }
    String method = src.text(methodNode);
    TSNode args = SyntaxSource.field(call, "arguments");
    if (args == null && SyntaxSource.field(call, "block") == null && receiver != null) {
      attribute(call, receiver, method, inClass);
    }
    TypedModel typed = receiver == null
        ? (inClass == null ? null : new TypedModel(inClass, Certainty.CERTAIN))
        : relation(receiver, inClass);
    if (typed == null) {
      return;
    }
    Access access = WRITES.contains(method) ? Access.WRITE : Access.READ;
    boolean onClass = receiver != null && isConstant(receiver);
    String finder = dynamicFinder(method);
    if (onClass && (CHAIN.contains(method) || HASH_KEYS.contains(method)
        || NAMES.contains(method) || FINDERS.contains(method) || finder != null)) {
      out.add(new OrmUse(typed.model(), null, SyntaxSource.line(call), src.column(call),
          access, typed.certainty()));
    }
    if (finder != null) {
      for (String attr : finder.split("_and_")) {
        column(typed, attr, methodNode, Access.READ);
      }
    }
    if (args == null) {
      return;
    }
    for (TSNode a : SyntaxSource.namedChildren(args)) {
      boolean pair = a.getType().equals("pair");
      if (HASH_KEYS.contains(method) && (pair || a.getType().equals("hash"))) {
        for (TSNode p : pair ? List.of(a) : SyntaxSource.namedChildren(a)) {
          hashKey(typed, p, access);
        }
      } else if (NAMES.contains(method)) {
        String name = RubyNames.literal(src, a);
        if (name != null) {
          column(typed, withoutDirection(name), a, access);
        }
      }
    }
  }

  /**
   * {@code belongs_to :article, counter_cache: true} in a model's class: Rails writes the
   * parent's {@code <children>_count} column (or the one named) on every create and destroy of
   * the child, a use no query shows. The parent is the model the association is named after.
   */
  private void counterCaches(TSNode cls) {
    TSNode body = SyntaxSource.field(cls, "body");
    for (TSNode st : body == null ? List.<TSNode>of() : SyntaxSource.namedChildren(body)) {
      TSNode method = SyntaxSource.field(st, "method");
      TSNode args = SyntaxSource.field(st, "arguments");
      if (!st.getType().equals("call") || method == null || args == null
          || !src.text(method).equals("belongs_to")) {
        continue;
      }
      List<TSNode> list = SyntaxSource.namedChildren(args);
      String association = list.isEmpty() ? null : RubyNames.literal(src, list.get(0));
      OrmModel parent = association == null ? null : singularNamed(association);
      for (TSNode pair : list) {
        TSNode key = SyntaxSource.field(pair, "key");
        TSNode value = SyntaxSource.field(pair, "value");
        if (parent == null || !pair.getType().equals("pair") || key == null || value == null
            || !"counter_cache".equals(RubyNames.literal(src, key))) {
          continue;
        }
        String column = src.text(value).equals("true")
            ? RailsInflection.pluralize(RailsInflection.underscore(
                RailsModels.className(src, cls))) + "_count"
            : RubyNames.literal(src, value);
        if (column != null) {
          column(new TypedModel(parent, Certainty.LIKELY), column, pair, Access.WRITE);
        }
      }
    }
  }

  /**
   * {@code params.require(:article).permit(:title, :body)}: the strong parameters a controller
   * passes to the model named by {@code require}, written by the create or update they feed.
   */
  private void permit(TSNode call) {
    TSNode method = SyntaxSource.field(call, "method");
    TSNode receiver = SyntaxSource.field(call, "receiver");
    TSNode args = SyntaxSource.field(call, "arguments");
    if (method == null || receiver == null || args == null
        || !src.text(method).equals("permit") || !receiver.getType().equals("call")) {
      return;
    }
    TSNode requireMethod = SyntaxSource.field(receiver, "method");
    TSNode requireArgs = SyntaxSource.field(receiver, "arguments");
    if (requireMethod == null || requireArgs == null
        || !src.text(requireMethod).equals("require") || requireArgs.getNamedChildCount() != 1) {
      return;
    }
    String name = RubyNames.literal(src, requireArgs.getNamedChild(0));
    OrmModel m = name == null ? null : singularNamed(name);
    if (m == null) {
      return;
    }
    for (TSNode a : SyntaxSource.namedChildren(args)) {
      String attr = RubyNames.literal(src, a);
      if (attr != null) {
        column(new TypedModel(m, Certainty.LIKELY), attr, a, Access.WRITE);
      }
    }
  }

  private OrmModel singularNamed(String underscored) {
    for (OrmModel m : models) {
      if (RailsInflection.underscore(m.name()).equals(underscored)) {
        return m;
      }
    }
    return null;
  }

  /** {@code record.email} (read) or {@code record.email = x} (write) on a typed record. */
  private void attribute(TSNode call, TSNode receiver, String method, OrmModel inClass) {
    TypedModel typed;
    if (receiver.getType().equals("self")) {
      typed = inClass == null ? null : new TypedModel(inClass, Certainty.CERTAIN);
    } else {
      typed = namedAfter(receiver, false);
    }
    if (typed == null) {
      return;
    }
    String attr = method.endsWith("?") ? method.substring(0, method.length() - 1) : method;
    OrmModel.Field f = typed.model().field(attr);
    if (f != null) {
      boolean written = SyntaxSource.isAssigned(call, ASSIGNMENTS);
      out.add(new OrmUse(typed.model(), f.columnName(), SyntaxSource.line(call),
          src.column(call), written ? Access.WRITE : Access.READ, typed.certainty()));
    }
  }

  private void hashKey(TypedModel typed, TSNode pair, Access access) {
    if (!pair.getType().equals("pair")) {
      return;
    }
    TSNode key = SyntaxSource.field(pair, "key");
    TSNode value = SyntaxSource.field(pair, "value");
    if (key == null || value != null && value.getType().equals("hash")) {
      // articles: { title: ... } names another table's columns.
      return;
    }
    String name = RubyNames.literal(src, key);
    if (name == null) {
      return;
    }
    if (typed.model().field(name) == null && typed.model().field(name + "_id") != null) {
      // where(user: current_user): the belongs_to association's foreign key.
      name = name + "_id";
    }
    column(typed, name, key, access);
  }

  private void column(TypedModel typed, String attr, TSNode at, Access access) {
    OrmModel.Field f = typed.model().field(attr);
    if (f != null) {
      out.add(new OrmUse(typed.model(), f.columnName(), SyntaxSource.line(at), src.column(at),
          access, typed.certainty()));
    }
  }

  /**
   * The model a relation's receiver is on: the class itself, {@code self} in its body, a chain
   * of relation methods down to either, or a variable or association named after it.
   */
  private TypedModel relation(TSNode receiver, OrmModel inClass) {
    TSNode r = receiver;
    while (r.getType().equals("call") && SyntaxSource.field(r, "method") != null
        && CHAIN.contains(src.text(SyntaxSource.field(r, "method")))) {
      TSNode next = SyntaxSource.field(r, "receiver");
      if (next == null) {
        // A scope's where(...).order(...) inside the class.
        return inClass == null ? null : new TypedModel(inClass, Certainty.CERTAIN);
      }
      r = next;
    }
    if (isConstant(r)) {
      OrmModel m = named(lastSegment(src.text(r)));
      return m == null ? null : new TypedModel(m, Certainty.CERTAIN);
    }
    if (r.getType().equals("self")) {
      return inClass == null ? null : new TypedModel(inClass, Certainty.CERTAIN);
    }
    return namedAfter(r, true);
  }

  /**
   * The model a variable ({@code article}, {@code @article}) or association call ({@code
   * user.articles}) is named after: its singular name, or also its plural (a relation).
   */
  private TypedModel namedAfter(TSNode node, boolean pluralToo) {
    String name;
    switch (node.getType()) {
      case "identifier" -> name = src.text(node);
      case "instance_variable" -> name = src.text(node).substring(1);
      case "call" -> {
        TSNode m = SyntaxSource.field(node, "method");
        name = m == null ? "" : src.text(m);
      }
      default -> name = "";
    }
    for (OrmModel m : models) {
      String singular = RailsInflection.underscore(m.name());
      if (ModelNames.instanceName(name, m)
          || pluralToo && name.equals(RailsInflection.pluralize(singular))) {
        return new TypedModel(m, Certainty.LIKELY);
      }
    }
    return null;
  }

  private boolean isConstant(TSNode node) {
    return node.getType().equals("constant") || node.getType().equals("scope_resolution");
  }


  private static String lastSegment(String constant) {
    return constant.substring(constant.lastIndexOf(':') + 1);
  }

  /** The attributes part of a dynamic finder ({@code email} of {@code find_by_email!}). */
  private static String dynamicFinder(String method) {
    for (String prefix : DYNAMIC_FINDERS) {
      if (method.startsWith(prefix) && method.length() > prefix.length()) {
        String rest = method.substring(prefix.length());
        return rest.endsWith("!") ? rest.substring(0, rest.length() - 1) : rest;
      }
    }
    return null;
  }

  /** {@code created_at} of {@code "created_at DESC"}. */
  private static String withoutDirection(String name) {
    String[] words = name.strip().split("\\s+");
    if (words.length == 2 && Set.of("asc", "desc").contains(words[1].toLowerCase(Locale.ROOT))) {
      return words[0];
    }
    return name;
  }

  private OrmModel named(String className) {
    return ModelNames.byClass(models, className);
  }
}
