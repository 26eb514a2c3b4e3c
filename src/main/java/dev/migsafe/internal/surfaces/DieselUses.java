package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface.Access;
import dev.migsafe.api.Surface.Certainty;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Uses of diesel tables in one Rust file, resolved as rustc resolves the names: a path through
 * the table's module ({@code users::email}, {@code schema::users::table},
 * {@code users::dsl::email}), or a name the file imports from it ({@code use
 * schema::users::dsl::*} or {@code ::{email, users}}) where no local binding of the function
 * takes it; and the keys of a literal of a struct derived for the table ({@code NewUser {
 * email, .. }}, written). A column is written inside {@code .set(...)} and {@code
 * .values(...)}, a table inside {@code insert_into}, {@code update} and {@code delete}.
 */
final class DieselUses {
  private static final Set<String> TABLE_WRITERS =
      Set.of("insert_into", "update", "delete", "replace_into", "insert_or_ignore_into");
  private static final Set<String> COLUMN_WRITERS = Set.of("set", "values");
  /** What a table module exports for the table itself. */
  private static final Set<String> TABLE_NAMES = Set.of("table", "star", "all_columns");

  /** What a name stands for: a table (column null) or one of its columns. */
  private record Target(OrmModel table, String column) {}

  private final ParsedSource source;
  private final Map<String, OrmModel> modules = new HashMap<>();
  private final Map<String, OrmModel> structs = new HashMap<>();
  /** Names the file imports from a table module, and local names of the modules. */
  private final Map<String, Target> imported = new HashMap<>();
  private final Map<String, OrmModel> moduleAliases = new HashMap<>();
  private final Deque<Scope> scopes = new ArrayDeque<>();
  /** Where the names this reader looks for stand in the file; nothing else is walked. */
  private int[] relevant;
  private final List<OrmUse> out = new ArrayList<>();

  private DieselUses(String text, List<OrmModel> models) {
    this.source = new ParsedSource(SourceLanguage.RUST, text);
    for (OrmModel m : models) {
      (DieselSchema.isTableModule(m) ? modules : structs).put(m.name(), m);
    }
  }

  static List<OrmUse> of(String text, List<OrmModel> models) {
    DieselUses u = new DieselUses(text, models);
    // An import from a table's module names the module.
    u.relevant = u.source.wordsAt(u.modules.keySet());
    u.imports(u.source.root);
    u.relevant = u.source.wordsAt(u.words());
    u.walk(u.source.root);
    return u.out;
  }

  /** The names a use can be written with. */
  private Set<String> words() {
    Set<String> words = new HashSet<>(imported.keySet());
    words.addAll(moduleAliases.keySet());
    for (OrmModel m : modules.values()) {
      words.add(m.name());
      m.fields().forEach(f -> words.add(f.name()));
    }
    words.addAll(structs.keySet());
    structs.values().forEach(m -> m.fields().forEach(f -> words.add(f.name())));
    if (!structs.isEmpty()) {
      words.addAll(COLUMN_WRITERS);
    }
    return words;
  }

  private void imports(TSNode node) {
    if (!ParsedSource.holds(relevant, node)) {
      return;
    }
    if (node.getType().equals("use_declaration")) {
      TSNode argument = ParsedSource.field(node, "argument");
      if (argument != null) {
        expand(argument, List.of());
      }
      return;
    }
    for (int i = 0; i < node.getNamedChildCount(); i++) {
      imports(node.getNamedChild(i));
    }
  }

  /** Each imported path of a use tree, with its alias or wildcard. */
  private void expand(TSNode tree, List<String> prefix) {
    switch (tree.getType()) {
      case "use_as_clause" -> {
        TSNode alias = ParsedSource.field(tree, "alias");
        imported(join(prefix, segments(ParsedSource.field(tree, "path"))),
            alias == null ? null : source.text(alias), false);
      }
      // `path::*`, or a bare `*` inside a list, which has no path of its own.
      case "use_wildcard" -> imported(join(prefix, tree.getNamedChildCount() == 0 ? List.of()
          : segments(tree.getNamedChild(0))), null, true);
      case "scoped_use_list" -> {
        TSNode path = ParsedSource.field(tree, "path");
        List<String> inner = path == null ? prefix : join(prefix, segments(path));
        TSNode list = ParsedSource.field(tree, "list");
        if (list != null) {
          expand(list, inner);
        }
      }
      case "use_list" -> {
        for (int i = 0; i < tree.getNamedChildCount(); i++) {
          expand(tree.getNamedChild(i), prefix);
        }
      }
      default -> imported(join(prefix, segments(tree)), null, false);
    }
  }

  /**
   * An import from a table's module: the module is reached through a module called
   * {@code schema} (as diesel's CLI names it) or its {@code dsl}, so another module named like
   * the table ({@code source::tagline}) is not taken for it.
   */
  private void imported(List<String> path, String alias, boolean wildcard) {
    int at = -1;
    for (int i = 1; i < path.size() && at < 0; i++) {
      boolean viaSchema = path.get(i - 1).equals("schema")
          || (i + 1 < path.size() && path.get(i + 1).equals("dsl"));
      at = modules.containsKey(path.get(i)) && viaSchema ? i : -1;
    }
    if (at < 0) {
      return;
    }
    OrmModel table = modules.get(path.get(at));
    List<String> rest = new ArrayList<>(path.subList(at + 1, path.size()));
    boolean dsl = !rest.isEmpty() && rest.get(0).equals("dsl");
    if (dsl) {
      rest.remove(0);
    }
    if (wildcard && rest.isEmpty()) {
      for (OrmModel.Field f : table.fields()) {
        imported.put(f.name(), new Target(table, f.columnName()));
      }
      // dsl re-exports the table under the module's name; the module itself exports `table`.
      imported.put(dsl ? table.name() : "table", new Target(table, null));
    } else if (!wildcard && (rest.isEmpty() || rest.equals(List.of("self"))) && !dsl) {
      moduleAliases.put(alias != null ? alias : table.name(), table);
    } else if (!wildcard && rest.size() == 1) {
      Target t = target(table, rest.get(0));
      if (t != null) {
        imported.put(alias != null ? alias : rest.get(0), t);
      }
    }
  }

  private Target target(OrmModel table, String name) {
    if (TABLE_NAMES.contains(name) || name.equals(table.name())) {
      return new Target(table, null);
    }
    OrmModel.Field f = table.field(name);
    return f == null ? null : new Target(table, f.columnName());
  }

  private void walk(TSNode node) {
    if (!ParsedSource.holds(relevant, node)) {
      return;
    }
    String type = node.getType();
    switch (type) {
      case "use_declaration", "attribute_item", "token_tree", "shorthand_field_initializer" -> {
        return;
      }
      case "scoped_identifier" -> {
        path(node);
        return;
      }
      case "identifier" -> {
        Target t = imported.get(source.text(node));
        if (t != null && scopes.stream().noneMatch(s -> s.bound().contains(source.text(node)))) {
          use(t, node);
        }
        return;
      }
      case "struct_expression" -> literal(node);
      case "call_expression" -> changeset(node);
      case "field_expression" -> fieldOf(node);
      case "macro_invocation" -> {
        joinable(node);
        return;
      }
      default -> { }
    }
    boolean scope = type.equals("function_item") || type.equals("closure_expression");
    if (scope) {
      scopes.push(new Scope(node, scopes.peek()));
    }
    for (int i = 0; i < node.getNamedChildCount(); i++) {
      if (!"pattern".equals(node.getFieldNameForNamedChild(i))) {
        walk(node.getNamedChild(i));
      }
    }
    if (scope) {
      scopes.pop();
    }
  }

  /**
   * A function or closure, with what its patterns bind and its bindings to derived structs,
   * each read when first asked for (most functions need neither).
   */
  private final class Scope {
    private final TSNode node;
    private final Scope outer;
    private Set<String> bound;
    private Map<String, OrmModel> forms;

    Scope(TSNode node, Scope outer) {
      this.node = node;
      this.outer = outer;
    }

    Set<String> bound() {
      if (bound == null) {
        bound = new HashSet<>();
        bindings(node, false, bound);
      }
      return bound;
    }

    /** A closure sees the bindings of the function around it. */
    Map<String, OrmModel> forms() {
      if (forms == null) {
        forms = new HashMap<>(outer == null ? Map.of() : outer.forms());
        collectForms(node, forms);
      }
      return forms;
    }
  }

  /** The names a function's patterns bind (its parameters, lets, closures, matches). */
  private void bindings(TSNode node, boolean inPattern, Set<String> out) {
    if (inPattern && node.getType().equals("identifier")) {
      out.add(source.text(node));
    }
    for (int i = 0; i < node.getNamedChildCount(); i++) {
      String field = node.getFieldNameForNamedChild(i);
      boolean pattern = inPattern || "pattern".equals(field)
          || node.getType().equals("closure_parameters");
      bindings(node.getNamedChild(i), pattern, out);
    }
  }

  /** {@code users::email}, {@code schema::users::table}, {@code users::dsl::email}. */
  private void path(TSNode node) {
    List<String> segments = segments(node);
    if (segments.size() < 2) {
      return;
    }
    String name = segments.get(segments.size() - 1);
    List<String> module = segments.subList(0, segments.size() - 1);
    if (module.get(module.size() - 1).equals("dsl") && module.size() > 1) {
      module = module.subList(0, module.size() - 1);
    }
    String last = module.get(module.size() - 1);
    OrmModel table = module.size() == 1 && moduleAliases.containsKey(last)
        ? moduleAliases.get(last) : modules.get(last);
    Target t = table == null ? null : target(table, name);
    if (t != null) {
      use(t, node);
    }
  }

  /**
   * {@code diesel::joinable!(posts -> users (user_id))}: the join reads {@code posts.user_id}.
   */
  private void joinable(TSNode macro) {
    TSNode name = ParsedSource.field(macro, "macro");
    if (name == null || !source.text(name).endsWith("joinable")) {
      return;
    }
    for (int i = 0; i < macro.getNamedChildCount(); i++) {
      TSNode tree = macro.getNamedChild(i);
      if (!tree.getType().equals("token_tree")) {
        continue;
      }
      // ( child -> parent ( column ) ): the child table first, its column in the inner tree.
      OrmModel table = tree.getNamedChildCount() > 0
          ? modules.get(source.text(tree.getNamedChild(0))) : null;
      for (int j = 0; table != null && j < tree.getNamedChildCount(); j++) {
        TSNode inner = tree.getNamedChild(j);
        if (inner.getType().equals("token_tree") && inner.getNamedChildCount() == 1) {
          OrmModel.Field f = table.field(source.text(inner.getNamedChild(0)));
          if (f != null) {
            out.add(new OrmUse(table, f.columnName(), ParsedSource.line(inner.getNamedChild(0)),
                source.column(inner.getNamedChild(0)), Access.READ, Certainty.CERTAIN));
          }
        }
      }
    }
  }

  /**
   * The bindings of a function to a struct derived for a table: {@code let form = NewUser
   * {...}}, {@code let form: NewUser = ...}, a parameter {@code form: &NewUser}.
   */
  private void collectForms(TSNode node, Map<String, OrmModel> out) {
    if (node.getType().equals("let_declaration") || node.getType().equals("parameter")) {
      TSNode pattern = ParsedSource.field(node, "pattern");
      TSNode type = ParsedSource.field(node, "type");
      TSNode value = ParsedSource.field(node, "value");
      OrmModel struct = structOf(type);
      if (struct == null && value != null && value.getType().equals("struct_expression")) {
        struct = structOf(ParsedSource.field(value, "name"));
      }
      if (struct != null && pattern != null && pattern.getType().equals("identifier")) {
        out.put(source.text(pattern), struct);
      }
    }
    for (int i = 0; i < node.getNamedChildCount(); i++) {
      collectForms(node.getNamedChild(i), out);
    }
  }

  /** The struct model a type names ({@code NewUser}, {@code &NewUser}, {@code x::NewUser}). */
  private OrmModel structOf(TSNode type) {
    TSNode t = type;
    while (t != null && t.getType().equals("reference_type")) {
      t = ParsedSource.field(t, "type");
    }
    if (t != null && t.getType().equals("scoped_type_identifier")) {
      t = ParsedSource.field(t, "name");
    }
    return t == null ? null : structs.get(source.text(t));
  }

  /**
   * {@code t.content} on a binding the function types as a derived struct ({@code t: &Tagline},
   * {@code let t: Tagline = ...}, {@code let form = TaglineForm {...}}): read, or written when
   * assigned to.
   */
  private void fieldOf(TSNode node) {
    TSNode value = ParsedSource.field(node, "value");
    TSNode field = ParsedSource.field(node, "field");
    if (value == null || field == null || scopes.isEmpty()
        || !value.getType().equals("identifier")) {
      return;
    }
    OrmModel struct = scopes.peek().forms().get(source.text(value));
    OrmModel.Field f = struct == null ? null : struct.field(source.text(field));
    if (f == null) {
      return;
    }
    TSNode parent = node.getParent();
    boolean assigned = (parent.getType().equals("assignment_expression")
        || parent.getType().equals("compound_assignment_expr"))
        && TSNode.eq(ParsedSource.field(parent, "left"), node);
    out.add(new OrmUse(struct, f.columnName(), ParsedSource.line(field), source.column(field),
        assigned ? Access.WRITE : Access.READ, Certainty.CERTAIN));
  }

  /**
   * {@code .values(form)}, {@code .set(&form)}: an Insertable or AsChangeset struct writes
   * each column it maps.
   */
  private void changeset(TSNode call) {
    TSNode fn = ParsedSource.field(call, "function");
    TSNode method = fn != null && fn.getType().equals("field_expression")
        ? ParsedSource.field(fn, "field") : null;
    TSNode args = ParsedSource.field(call, "arguments");
    if (method == null || args == null || args.getNamedChildCount() != 1 || scopes.isEmpty()
        || !COLUMN_WRITERS.contains(source.text(method))) {
      return;
    }
    TSNode arg = args.getNamedChild(0);
    if (arg.getType().equals("reference_expression")) {
      arg = ParsedSource.field(arg, "value");
    }
    OrmModel struct = arg != null && arg.getType().equals("identifier")
        ? scopes.peek().forms().get(source.text(arg)) : null;
    if (struct != null) {
      for (OrmModel.Field f : struct.fields()) {
        out.add(new OrmUse(struct, f.columnName(), ParsedSource.line(arg), source.column(arg),
            Access.WRITE, Certainty.CERTAIN));
      }
    }
  }

  /** {@code NewTagline { content, local_site_id: id }}: the keys are written. */
  private void literal(TSNode node) {
    TSNode type = ParsedSource.field(node, "name");
    if (type != null && type.getType().equals("scoped_type_identifier")) {
      type = ParsedSource.field(type, "name");
    }
    OrmModel struct = type == null ? null : structs.get(source.text(type));
    TSNode body = ParsedSource.field(node, "body");
    if (struct == null || body == null) {
      return;
    }
    for (int i = 0; i < body.getNamedChildCount(); i++) {
      TSNode init = body.getNamedChild(i);
      TSNode key = switch (init.getType()) {
        case "field_initializer" -> ParsedSource.field(init, "field");
        case "shorthand_field_initializer" -> init.getNamedChild(0);
        default -> null;
      };
      OrmModel.Field f = key == null ? null : struct.field(source.text(key));
      if (f != null) {
        out.add(new OrmUse(struct, f.columnName(), ParsedSource.line(key), source.column(key),
            Access.WRITE, Certainty.CERTAIN));
      }
    }
  }

  private void use(Target t, TSNode node) {
    String callee = enclosingCall(node);
    Access access = t.column() == null
        ? (TABLE_WRITERS.contains(callee) ? Access.WRITE : Access.READ)
        : (COLUMN_WRITERS.contains(callee) ? Access.WRITE : Access.READ);
    out.add(new OrmUse(t.table(), t.column(), ParsedSource.line(node), source.column(node),
        access, Certainty.CERTAIN));
  }

  /** The function or method of the nearest call whose arguments hold the node, or "". */
  private String enclosingCall(TSNode node) {
    for (TSNode p = node.getParent(); p != null && !p.isNull(); p = p.getParent()) {
      if (p.getType().equals("arguments")) {
        TSNode fn = ParsedSource.field(p.getParent(), "function");
        if (fn == null) {
          return "";
        }
        TSNode name = switch (fn.getType()) {
          case "field_expression" -> ParsedSource.field(fn, "field");
          case "scoped_identifier" -> ParsedSource.field(fn, "name");
          default -> fn;
        };
        return name == null ? "" : source.text(name);
      }
      if (p.getType().equals("function_item")) {
        return "";
      }
    }
    return "";
  }

  /** The segments of a path: {@code crate::schema::users} is crate, schema, users. */
  private List<String> segments(TSNode path) {
    List<String> out = new ArrayList<>();
    if (path == null || path.isNull()) {
      return out;
    }
    if (path.getType().equals("scoped_identifier")) {
      out.addAll(segments(ParsedSource.field(path, "path")));
      TSNode name = ParsedSource.field(path, "name");
      if (name != null) {
        out.add(source.text(name));
      }
    } else {
      out.add(source.text(path));
    }
    return out;
  }

  private static List<String> join(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
