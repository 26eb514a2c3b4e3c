package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface.Access;
import dev.migsafe.api.Surface.Certainty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Uses of mapped Go structs in one file, function by function: {@code u.Email} on a variable
 * the function declares of the struct's type (a parameter or receiver, {@code var u User},
 * {@code u := User{...}} or {@code &User{...}}, {@code u := x.(User)}, a range over a slice of
 * them), the keys of a literal {@code User{Email: ...}}, and gorm call chains on the model
 * ({@code db.Model(&User{}).Where("email = ?", e).Update("bio", b)}), whose column strings are
 * read as SQL over the model's table. Found through the mapping: a variable named like a
 * column, or a field of a struct whose type the function does not declare, never counts.
 */
final class GoFieldUses {
  private static final Set<String> WRITERS = Set.of("Create", "CreateInBatches", "Save",
      "Update", "Updates", "UpdateColumn", "UpdateColumns", "Delete", "FirstOrCreate");
  /** Methods whose argument is the model a chain works on. */
  private static final Set<String> MODEL_ARGUMENTS = Set.of("Model", "Table", "Where", "Not",
      "Or", "First", "Find", "Take", "Last", "FirstOrInit", "FirstOrCreate", "Create",
      "CreateInBatches", "Save", "Update", "Updates", "Delete", "Scan");
  /** Methods whose first string is SQL over the table, with the text that makes it a query. */
  private static final Map<String, String[]> CLAUSES = Map.of(
      "Where", new String[] {"SELECT * FROM %s WHERE ", ""},
      "Or", new String[] {"SELECT * FROM %s WHERE ", ""},
      "Not", new String[] {"SELECT * FROM %s WHERE ", ""},
      "Having", new String[] {"SELECT * FROM %s WHERE ", ""},
      "Select", new String[] {"SELECT ", " FROM %s"},
      // The names of ORDER BY and GROUP BY are read as a select list (migsafe's reader of
      // names does not visit those clauses), without the sort directions.
      "Order", new String[] {"SELECT ", " FROM %s"},
      "Group", new String[] {"SELECT ", " FROM %s"});
  private static final java.util.regex.Pattern DIRECTION = java.util.regex.Pattern.compile(
      "(?i)\\s+(asc|desc)(\\s+nulls\\s+(first|last))?\\s*(?=,|$)");
  /** Methods whose first string is one column. */
  private static final Map<String, Access> COLUMN_ARGUMENTS = Map.of("Pluck", Access.READ,
      "Update", Access.WRITE, "UpdateColumn", Access.WRITE);

  private final ParsedSource source;
  private final Map<String, List<OrmModel>> byStruct = new HashMap<>();
  private final List<OrmUse> out = new ArrayList<>();
  /** In the function being read: variables of a model's type, and slices of them. */
  private final Map<String, String> variables = new HashMap<>();
  private final Map<String, String> slices = new HashMap<>();
  /** Structs of this file that embed a model, whose fields they promote. */
  private final Map<String, String> embedders = new HashMap<>();
  /** Fields of this file's structs that hold a model, by field name (when only one model). */
  private final Map<String, String> holders = new HashMap<>();

  /**
   * The models by the name this file writes their type with: {@code User} when the model is
   * declared in the file's own folder (its package), {@code users.User} by the folder's name
   * (Go's convention for a package's name), so a {@code User} of another package is not it.
   */
  private GoFieldUses(String path, String text, List<OrmModel> models) {
    this.source = new ParsedSource(SourceLanguage.GO, text);
    String folder = folder(path);
    for (OrmModel m : models) {
      String modelFolder = folder(m.path());
      if (modelFolder.equals(folder)) {
        byStruct.computeIfAbsent(m.name(), n -> new ArrayList<>()).add(m);
      }
      String pkg = modelFolder.substring(modelFolder.lastIndexOf('/') + 1);
      byStruct.computeIfAbsent(pkg + "." + m.name(), n -> new ArrayList<>()).add(m);
    }
  }

  static String folder(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  static List<OrmUse> of(String path, String text, List<OrmModel> models) {
    GoFieldUses u = new GoFieldUses(path, text, models);
    TSNode root = u.source.root;
    u.containers(root);
    // A function that names no model (nor a struct holding one) declares no variable of it.
    Set<String> words = new HashSet<>();
    u.byStruct.keySet().forEach(k -> words.add(k.substring(k.indexOf('.') + 1)));
    words.addAll(u.embedders.keySet());
    words.addAll(u.holders.keySet());
    int[] named = u.source.wordsAt(words);
    for (int i = 0; i < root.getNamedChildCount(); i++) {
      TSNode top = root.getNamedChild(i);
      if ((top.getType().equals("function_declaration")
          || top.getType().equals("method_declaration")) && ParsedSource.holds(named, top)) {
        u.variables.clear();
        u.slices.clear();
        u.declarations(top);
        u.uses(top);
      }
    }
    return u.out;
  }

  /** The structs of this file that embed or hold a model in a field. */
  private void containers(TSNode root) {
    Set<String> ambiguous = new HashSet<>();
    for (int i = 0; i < root.getNamedChildCount(); i++) {
      TSNode top = root.getNamedChild(i);
      for (int j = 0; top.getType().equals("type_declaration") && j < top.getNamedChildCount();
          j++) {
        TSNode spec = top.getNamedChild(j);
        TSNode name = ParsedSource.field(spec, "name");
        TSNode type = ParsedSource.field(spec, "type");
        if (name == null || type == null || !type.getType().equals("struct_type")) {
          continue;
        }
        TSNode list = type.getNamedChild(0);
        for (int k = 0; list != null && k < list.getNamedChildCount(); k++) {
          TSNode d = list.getNamedChild(k);
          String held = d.getType().equals("field_declaration")
              ? model(ParsedSource.field(d, "type")) : null;
          if (held == null) {
            continue;
          }
          List<TSNode> fieldNames = named(d, "name");
          if (fieldNames.isEmpty()) {
            embedders.put(source.text(name), held);
          }
          for (TSNode f : fieldNames) {
            String prior = holders.putIfAbsent(source.text(f), held);
            if (prior != null && !prior.equals(held)) {
              ambiguous.add(source.text(f));
            }
          }
        }
      }
    }
    ambiguous.forEach(holders::remove);
  }

  /** The variables a function declares of a model's type (shadowing is not followed). */
  private void declarations(TSNode node) {
    switch (node.getType()) {
      case "parameter_declaration", "var_spec" -> {
        TSNode type = ParsedSource.field(node, "type");
        for (TSNode name : named(node, "name")) {
          declare(source.text(name), type);
        }
      }
      case "variadic_parameter_declaration" -> {
        // xs ...User is a slice of them.
        String element = model(ParsedSource.field(node, "type"));
        TSNode name = ParsedSource.field(node, "name");
        if (element != null && name != null) {
          slices.put(source.text(name), element);
        }
      }
      case "short_var_declaration" -> {
        TSNode left = ParsedSource.field(node, "left");
        TSNode right = ParsedSource.field(node, "right");
        if (left != null && right != null
            && left.getNamedChildCount() == right.getNamedChildCount()) {
          for (int i = 0; i < left.getNamedChildCount(); i++) {
            valueOf(source.text(left.getNamedChild(i)), right.getNamedChild(i));
          }
        }
      }
      case "range_clause" -> {
        TSNode left = ParsedSource.field(node, "left");
        TSNode right = ParsedSource.field(node, "right");
        if (left != null && right != null && left.getNamedChildCount() == 2
            && slices.containsKey(source.text(right))) {
          variables.put(source.text(left.getNamedChild(1)), slices.get(source.text(right)));
        }
      }
      default -> { }
    }
    for (int i = 0; i < node.getNamedChildCount(); i++) {
      declarations(node.getNamedChild(i));
    }
  }

  private void declare(String name, TSNode type) {
    if (type == null) {
      return;
    }
    if (type.getType().equals("slice_type")) {
      String element = model(ParsedSource.field(type, "element"));
      if (element != null) {
        slices.put(name, element);
      }
      return;
    }
    String struct = model(type);
    if (struct != null) {
      variables.put(name, struct);
    }
  }

  /** {@code v := User{...}}, {@code &User{...}}, {@code []User{...}}, {@code x.(User)}. */
  private void valueOf(String name, TSNode value) {
    TSNode v = value.getType().equals("unary_expression") ? ParsedSource.field(value, "operand")
        : value;
    if (v == null) {
      return;
    }
    if (v.getType().equals("composite_literal") || v.getType().equals("type_assertion_expression")) {
      declare(name, ParsedSource.field(v, "type"));
    }
  }

  /** The model struct a type names, or null. */
  private String model(TSNode type) {
    String name = GoStructs.typeName(source, type);
    if (name != null && embedders.containsKey(name)) {
      return embedders.get(name);
    }
    TSNode t = type != null && type.getType().equals("pointer_type") ? type.getNamedChild(0)
        : type;
    TSNode pkg = t != null && t.getType().equals("qualified_type")
        ? ParsedSource.field(t, "package") : null;
    String key = pkg == null ? name : source.text(pkg) + "." + name;
    return name != null && byStruct.containsKey(key) ? key : null;
  }

  private void uses(TSNode node) {
    switch (node.getType()) {
      case "selector_expression" -> selector(node);
      case "composite_literal" -> literal(node);
      case "call_expression" -> chain(node);
      default -> { }
    }
    for (int i = 0; i < node.getNamedChildCount(); i++) {
      uses(node.getNamedChild(i));
    }
  }

  /** {@code u.Email}: written when assigned to. */
  private void selector(TSNode node) {
    TSNode operand = ParsedSource.field(node, "operand");
    TSNode field = ParsedSource.field(node, "field");
    if (operand == null || field == null) {
      return;
    }
    String struct = null;
    Certainty certainty = Certainty.CERTAIN;
    if (operand.getType().equals("identifier")) {
      struct = variables.get(source.text(operand));
    } else if (operand.getType().equals("selector_expression")) {
      // self.userModel.Email: a field that holds a model, the outer type not followed.
      TSNode held = ParsedSource.field(operand, "field");
      struct = held == null ? null : holders.get(source.text(held));
      certainty = Certainty.LIKELY;
    }
    if (struct == null) {
      return;
    }
    TSNode parent = node.getParent();
    boolean assigned = parent.getType().equals("inc_statement")
        || parent.getType().equals("dec_statement")
        || (parent.getType().equals("expression_list")
            && parent.getParent().getType().equals("assignment_statement")
            && TSNode.eq(ParsedSource.field(parent.getParent(), "left"), parent));
    fieldUse(struct, source.text(field), field, assigned ? Access.WRITE : Access.READ,
        certainty);
  }

  /** {@code User{Email: e}}: a condition when a gorm query method takes it, else written. */
  private void literal(TSNode node) {
    String struct = model(ParsedSource.field(node, "type"));
    TSNode body = ParsedSource.field(node, "body");
    if (struct == null || body == null) {
      return;
    }
    Access access = literalAccess(node);
    for (int i = 0; i < body.getNamedChildCount(); i++) {
      TSNode element = body.getNamedChild(i);
      TSNode key = ParsedSource.field(element, "key");
      if (element.getType().equals("keyed_element") && key != null
          && key.getNamedChildCount() == 1
          && key.getNamedChild(0).getType().equals("identifier")) {
        fieldUse(struct, source.text(key.getNamedChild(0)), key, access, Certainty.CERTAIN);
      }
    }
  }

  private void fieldUse(String struct, String fieldName, TSNode at, Access access,
      Certainty certainty) {
    for (OrmModel m : byStruct.get(struct)) {
      OrmModel.Field f = m.field(fieldName);
      if (f != null) {
        out.add(new OrmUse(m, f.columnName(), ParsedSource.line(at), source.column(at), access,
            certainty));
      }
    }
  }

  /**
   * A literal's keys are read when it is a condition: an argument of a gorm query method or of
   * another function ({@code FindOneUser(&User{Email: e})}, the application's own lookup); they
   * are written when it is built as a value (assigned, returned, saved).
   */
  private Access literalAccess(TSNode literal) {
    TSNode e = literal;
    if (e.getParent().getType().equals("unary_expression")) {
      e = e.getParent();
    }
    TSNode args = e.getParent();
    if (!args.getType().equals("argument_list")) {
      return Access.WRITE;
    }
    return WRITERS.contains(methodName(args.getParent())) ? Access.WRITE : Access.READ;
  }

  /** {@code x.Method(...)}: "Method"; else "". */
  private String methodName(TSNode call) {
    TSNode fn = ParsedSource.field(call, "function");
    TSNode field = fn != null && fn.getType().equals("selector_expression")
        ? ParsedSource.field(fn, "field") : null;
    return field == null ? "" : source.text(field);
  }

  /**
   * A gorm chain, read from its outermost call: {@code db.Model(&User{}).Where(...).Update(...)}
   * is one use of the model's table (written when a method writes) and of each column its
   * strings name.
   */
  private void chain(TSNode call) {
    TSNode parent = call.getParent();
    if (parent.getType().equals("selector_expression") && parent.getParent() != null
        && parent.getParent().getType().equals("call_expression")) {
      return;
    }
    List<TSNode> calls = new ArrayList<>();
    for (TSNode c = call; c != null && c.getType().equals("call_expression")
        && !methodName(c).isEmpty();
        c = ParsedSource.field(ParsedSource.field(c, "function"), "operand")) {
      calls.add(c);
    }
    Optional<String> struct = Optional.empty();
    boolean writes = false;
    for (TSNode c : calls) {
      writes |= WRITERS.contains(methodName(c));
      if (MODEL_ARGUMENTS.contains(methodName(c)) && struct.isEmpty()) {
        struct = modelArgument(c);
      }
    }
    if (struct.isEmpty()) {
      return;
    }
    TSNode start = calls.get(calls.size() - 1);
    for (OrmModel m : byStruct.get(struct.get())) {
      out.add(new OrmUse(m, null, ParsedSource.line(start), source.column(start),
          writes ? Access.WRITE : Access.READ, Certainty.CERTAIN));
      for (TSNode c : calls) {
        columnStrings(m, c);
      }
    }
  }

  /** The model a call's argument is: {@code &User{}}, {@code User{...}}, {@code &u}, {@code u}. */
  private Optional<String> modelArgument(TSNode call) {
    TSNode args = ParsedSource.field(call, "arguments");
    for (int i = 0; args != null && i < args.getNamedChildCount(); i++) {
      TSNode a = args.getNamedChild(i);
      if (a.getType().equals("unary_expression")) {
        a = ParsedSource.field(a, "operand");
      }
      if (a == null) {
        continue;
      }
      String struct = switch (a.getType()) {
        case "composite_literal" -> model(ParsedSource.field(a, "type"));
        case "identifier" -> variables.getOrDefault(source.text(a), slices.get(source.text(a)));
        default -> null;
      };
      if (struct != null) {
        return Optional.of(struct);
      }
    }
    return Optional.empty();
  }

  private void columnStrings(OrmModel m, TSNode call) {
    String method = methodName(call);
    TSNode args = ParsedSource.field(call, "arguments");
    if (args == null || args.getNamedChildCount() == 0
        || !args.getNamedChild(0).getType().endsWith("string_literal")) {
      return;
    }
    TSNode literal = args.getNamedChild(0);
    String text = source.unquoted(literal);
    Access single = COLUMN_ARGUMENTS.get(method);
    if (single != null) {
      OrmModel.Field f = m.fieldsOf(text.strip().toLowerCase(java.util.Locale.ROOT)).stream()
          .findFirst().orElse(null);
      if (f != null) {
        out.add(new OrmUse(m, f.columnName(), ParsedSource.line(literal), source.column(literal),
            single, Certainty.CERTAIN));
      }
      return;
    }
    String[] clause = CLAUSES.get(method);
    if (clause == null) {
      return;
    }
    String names = method.equals("Order") ? DIRECTION.matcher(text.strip()).replaceAll("") : text;
    String sql = String.format(clause[0], m.table()) + names
        + String.format(clause[1], m.table());
    SqlReferences.of(sql).ifPresent(refs -> refs.stream()
        .filter(r -> r.column() != null && r.table().equals(m.table()))
        .map(SqlReferences.Reference::column).distinct()
        .forEach(column -> out.add(new OrmUse(m, column, ParsedSource.line(literal),
            source.column(literal), Access.READ, Certainty.CERTAIN))));
  }

  private List<TSNode> named(TSNode node, String fieldName) {
    List<TSNode> list = new ArrayList<>();
    for (int c = 0; c < node.getChildCount(); c++) {
      if (fieldName.equals(node.getFieldNameForChild(c))) {
        list.add(node.getChild(c));
      }
    }
    return list;
  }
}
