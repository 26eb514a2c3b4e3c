package dev.migsafe.internal.surfaces;

import dev.migsafe.internal.surfaces.ScriptDecorators.Decorator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * The Sequelize models of one TypeScript or JavaScript file, in its three ways of declaring
 * them: sequelize-typescript classes ({@code @Table({ tableName })} with {@code @Column}
 * fields), {@code User.init({ attributes }, { sequelize, tableName })} and {@code
 * sequelize.define('user', { attributes }, { tableName })}. A model's table is its {@code
 * tableName}, else its model name ({@code modelName}, the class's or {@code define}'s name)
 * made plural as Sequelize does ({@code User} is {@code Users}; with {@code freezeTableName}
 * as it is), in snake_case with {@code underscored}. A column is the attribute's {@code field},
 * else its name (in snake_case with {@code underscored}); a {@code VIRTUAL} attribute has none.
 * Sequelize quotes its names, so they keep their case. Options set once for every model
 * ({@code new Sequelize(..., { define: { underscored } })}) are not read.
 */
final class SequelizeModels {
  private static final Set<String> COLUMNS = Set.of("Column", "CreatedAt", "UpdatedAt",
      "DeletedAt");

  private final String path;
  private final SyntaxNodes nodes;
  private final ScriptObjects objects;
  private final List<OrmModel> out = new ArrayList<>();

  private SequelizeModels(String path, SyntaxNodes nodes) {
    this.path = path;
    this.nodes = nodes;
    this.objects = new ScriptObjects(nodes);
  }

  /** The names a model's table can come from, as the text spells them. */
  private static final Pattern CLASS = Pattern.compile("\\bclass\\s+([A-Za-z_$][\\w$]*)");
  private static final Pattern INIT = Pattern.compile("([A-Za-z_$][\\w$]*)\\s*\\.\\s*init\\s*\\(");
  private static final Pattern NAMED = Pattern.compile(
      "(?:\\.define\\s*\\(\\s*|(?:modelName|tableName)['\"]?\\s*:\\s*)(['\"`])([^'\"`]+)\\1");

  /**
   * Whether the text can declare a model of a table looked for: a model's table is its
   * {@code tableName}, or a name the text spells (a class, {@code X.init}, {@code define}'s
   * or {@code modelName}'s string) made plural or not and in snake_case or not. Only such
   * files are parsed: an application's other models are most of the first pass's parsing,
   * and a Sequelize model is not joined with other files.
   */
  static boolean mayDeclare(String text, List<SurfaceTarget> targets) {
    if (!declaresAny(text)) {
      return false;
    }
    for (Pattern p : List.of(CLASS, INIT)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        if (mayBeTableOf(m.group(1), targets)) {
          return true;
        }
      }
    }
    Matcher m = NAMED.matcher(text);
    while (m.find()) {
      String name = m.group(2);
      if (mayBeTableOf(name, targets)
          || targets.stream().anyMatch(t -> t.matchesTable(name))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the text has one of the three ways of declaring a model at all. */
  private static boolean declaresAny(String text) {
    return text.contains("@Table") || text.contains(".init(") || text.contains(".define(");
  }

  private static boolean mayBeTableOf(String modelName, List<SurfaceTarget> targets) {
    for (boolean frozen : new boolean[] {false, true}) {
      for (boolean underscored : new boolean[] {false, true}) {
        String table = table(new Options(null, null, underscored, frozen), modelName);
        if (targets.stream().anyMatch(t -> t.matchesTable(table))) {
          return true;
        }
      }
    }
    return false;
  }

  static List<OrmModel> read(String path, SourceLanguage language, String text) {
    if (!declaresAny(text)) {
      return List.of();
    }
    SequelizeModels m = new SequelizeModels(path, new SyntaxNodes(text));
    m.walk(language, text, SyntaxTrees.parse(language, text).getRootNode());
    return m.out;
  }

  private void walk(SourceLanguage language, String source, TSNode root) {
    List<TSNode> found = new ArrayList<>(
        SyntaxTrees.nodes(language, root, List.of("class_declaration", "class")));
    // Calls are many: only those of init and define are looked at, found where their names
    // stand after a dot, when the text has one.
    if (source.contains(".init(") || source.contains(".define(")) {
      calls(source, root, "init", found);
      calls(source, root, "define", found);
      found.sort(java.util.Comparator.comparingInt(TSNode::getStartByte));
    }
    for (TSNode node : found) {
      if (TreeCalls.type(node).equals("call_expression")) {
        initOrDefine(node);
      } else {
        decorated(node);
      }
    }
  }

  /** The calls of a method on something ({@code User.init(...)}). */
  private void calls(String source, TSNode root, String method, List<TSNode> out) {
    for (TSNode name : nodes.at(source, root, method,
        at -> ScriptModelUses.afterDot(source, at))) {
      TSNode member = TreeCalls.parent(name);
      TSNode call = SyntaxNodes.present(member) ? TreeCalls.parent(member) : null;
      if (SyntaxNodes.present(call) && TreeCalls.type(call).equals("call_expression")
          && member.equals(SyntaxNodes.field(call, "function"))
          && name.equals(SyntaxNodes.field(member, "property"))) {
        out.add(call);
      }
    }
  }

  /** The options that name a model's table, read from an object literal. */
  private record Options(String tableName, String modelName, boolean underscored,
      boolean frozen) {}

  private Options options(TSNode object) {
    return new Options(string(object, "tableName"), string(object, "modelName"),
        isTrue(object, "underscored"), isTrue(object, "freezeTableName"));
  }

  private String string(TSNode object, String key) {
    ScriptObjects.Entry e = objects.entry(object, key);
    return e == null || e.value() == null || !e.value().getType().equals("string") ? null
        : nodes.stringValue(e.value());
  }

  private boolean isTrue(TSNode object, String key) {
    ScriptObjects.Entry e = objects.entry(object, key);
    return e != null && e.value() != null && nodes.text(e.value()).equals("true");
  }

  private void decorated(TSNode cls) {
    Decorator table = ScriptDecorators.find(ScriptDecorators.of(cls, nodes), Set.of("Table"));
    TSNode name = SyntaxNodes.field(cls, "name");
    TSNode body = SyntaxNodes.field(cls, "body");
    if (table == null || name == null || body == null) {
      return;
    }
    Options o = table.arguments().isEmpty() ? new Options(null, null, false, false)
        : options(table.arguments().get(0));
    List<OrmModel.Field> fields = new ArrayList<>();
    for (ScriptDecorators.ClassField f : ScriptDecorators.fields(body)) {
      TSNode property = f.name();
      Decorator column = ScriptDecorators.find(ScriptDecorators.of(f.member(), nodes), COLUMNS);
      if (column == null || column.arguments().stream()
          .anyMatch(a -> nodes.text(a).contains("VIRTUAL"))) {
        continue;
      }
      String field = ScriptDecorators.name(column, "field", nodes, objects, false);
      fields.add(field(nodes.text(property), field, o, property));
    }
    String className = nodes.text(name);
    out.add(new OrmModel(Orm.SEQUELIZE, className,
        table(o, o.modelName() != null ? o.modelName() : className), path,
        SyntaxNodes.line(name), nodes.column(name), fields));
  }

  /** {@code User.init({...}, {...})} or {@code sequelize.define('user', {...}, {...})}. */
  private void initOrDefine(TSNode call) {
    ScriptObjects.MemberCall c = objects.memberCall(call);
    if (c == null) {
      return;
    }
    TSNode object = c.object();
    List<TSNode> args = c.arguments();
    String m = c.method();
    if (m.equals("init") && TreeCalls.type(object).equals("identifier") && args.size() >= 2
        && args.get(0).getType().equals("object") && args.get(1).getType().equals("object")
        && objects.entry(args.get(1), "sequelize") != null) {
      Options o = options(args.get(1));
      String modelName = o.modelName() != null ? o.modelName() : nodes.text(object);
      model(nodes.text(object), table(o, modelName), object, args.get(0), o);
    } else if (m.equals("define") && args.size() >= 2 && args.get(0).getType().equals("string")
        && args.get(1).getType().equals("object")) {
      Options o = args.size() > 2 ? options(args.get(2)) : new Options(null, null, false, false);
      String modelName = nodes.stringValue(args.get(0));
      TSNode parent = TreeCalls.parent(call);
      if (parent != null && TreeCalls.type(parent).equals("await_expression")) {
        parent = TreeCalls.parent(parent);
      }
      // Code names the model by the variable it is kept in: const User = sequelize.define(...).
      TSNode variable = parent != null && TreeCalls.type(parent).equals("variable_declarator")
          ? SyntaxNodes.field(parent, "name") : null;
      String codeName = variable != null && TreeCalls.type(variable).equals("identifier")
          ? nodes.text(variable) : modelName;
      model(codeName, table(o, modelName), args.get(0), args.get(1), o);
    }
  }

  private void model(String name, String table, TSNode at, TSNode attributes, Options o) {
    List<OrmModel.Field> fields = new ArrayList<>();
    for (ScriptObjects.Entry e : objects.entries(attributes)) {
      TSNode v = e.value();
      if (v != null && nodes.text(v).contains("VIRTUAL")) {
        continue;
      }
      String field = v != null && TreeCalls.type(v).equals("object") ? string(v, "field") : null;
      fields.add(field(e.key(), field, o, e.at()));
    }
    out.add(new OrmModel(Orm.SEQUELIZE, name, table, path, SyntaxNodes.line(at),
        nodes.column(at), fields));
  }

  private OrmModel.Field field(String attribute, String field, Options o, TSNode at) {
    String column = field != null ? field : o.underscored() ? underscore(attribute) : attribute;
    return new OrmModel.Field(attribute, column, path, SyntaxNodes.line(at), nodes.column(at));
  }

  private static String table(Options o, String modelName) {
    if (o.tableName() != null) {
      return o.tableName();
    }
    String t = o.frozen() ? modelName : plural(modelName);
    return o.underscored() ? underscore(t) : t;
  }

  /** inflection's {@code underscore}, as Sequelize uses it: {@code createdAt} is created_at. */
  static String underscore(String name) {
    return name.replaceAll("([a-z\\d])([A-Z])", "$1_$2")
        .replaceAll("([A-Z]+)([A-Z][a-z\\d]+)", "$1_$2").replace('-', '_')
        .toLowerCase(Locale.ROOT);
  }

  /**
   * English plural as inflection's {@code pluralize} makes it for the usual model names
   * ({@code User} Users, {@code Category} Categories, {@code Address} Addresses, {@code
   * Person} People); its rarer irregular words are not known.
   */
  static String plural(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.endsWith("person")) {
      return word.substring(0, word.length() - 4) + "ople";
    }
    if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z")
        || lower.endsWith("ch") || lower.endsWith("sh")) {
      return word + "es";
    }
    if (lower.endsWith("y") && lower.length() > 1 && "aeiou".indexOf(
        lower.charAt(lower.length() - 2)) < 0) {
      return word.substring(0, word.length() - 1) + "ies";
    }
    return word + "s";
  }
}
