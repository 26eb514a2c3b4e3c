package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * The Go structs of one file that map to tables: a struct with {@code gorm:} tags or an
 * embedded {@code gorm.Model} is a gorm model (its table is the one its {@code TableName()}
 * method returns, else gorm's default name; each field's column is its {@code column:} tag,
 * else gorm's default); a struct with {@code db:} tags (sqlx, sqlc) maps the tagged fields to
 * those columns. Such a struct names no table: it stands for the table its {@code TableName()}
 * returns, else for the table named like it (the struct's name in snake case, singular or
 * plural, as sqlc names a table's struct; without a role suffix such as {@code DTO} or
 * {@code Row}), so it is one model per candidate table.
 */
final class GoStructs {
  /** gorm.Model's fields, the columns every model that embeds it has. */
  private static final List<String> GORM_MODEL_FIELDS =
      List.of("ID", "CreatedAt", "UpdatedAt", "DeletedAt");
  /** The slices gorm stores in one column; any other slice is a has-many association. */
  private static final Set<String> BYTES = Set.of("[]byte", "[]uint8");

  /**
   * What a row struct's name may add to its table's ({@code BookmarkDTO} for {@code bookmark},
   * {@code UserRow} for {@code users}), in snake case.
   */
  private static final List<String> ROLE_SUFFIXES =
      List.of("_dto", "_row", "_record", "_entity", "_model");

  private final String path;
  private final ParsedSource source;
  private final Map<String, String> tableNames = new HashMap<>();
  private final Set<String> structs = new HashSet<>();

  private GoStructs(String path, String text) {
    this.path = path;
    this.source = new ParsedSource(SourceLanguage.GO, text);
  }

  static List<OrmModel> read(String path, String text) {
    return new GoStructs(path, text).models();
  }

  private List<OrmModel> models() {
    List<TSNode> specs = new ArrayList<>();
    for (int i = 0; i < source.root.getNamedChildCount(); i++) {
      TSNode top = source.root.getNamedChild(i);
      if (top.getType().equals("type_declaration")) {
        for (int j = 0; j < top.getNamedChildCount(); j++) {
          TSNode spec = top.getNamedChild(j);
          TSNode type = ParsedSource.field(spec, "type");
          if (spec.getType().equals("type_spec") && type != null
              && type.getType().equals("struct_type")) {
            specs.add(spec);
            structs.add(source.text(ParsedSource.field(spec, "name")));
          }
        }
      } else if (top.getType().equals("method_declaration")) {
        tableName(top);
      }
    }
    List<OrmModel> out = new ArrayList<>();
    for (TSNode spec : specs) {
      out.addAll(model(spec));
    }
    return out;
  }

  /** {@code func (X) TableName() string { return "t" }}: the table of X. */
  private void tableName(TSNode method) {
    TSNode name = ParsedSource.field(method, "name");
    TSNode receiver = ParsedSource.field(method, "receiver");
    TSNode body = ParsedSource.field(method, "body");
    if (name == null || !source.text(name).equals("TableName") || receiver == null
        || receiver.getNamedChildCount() != 1 || body == null) {
      return;
    }
    String type = typeName(source, ParsedSource.field(receiver.getNamedChild(0), "type"));
    TSNode ret = firstOfType(body, "return_statement");
    if (type == null || ret == null || ret.getNamedChildCount() != 1
        || ret.getNamedChild(0).getNamedChildCount() != 1) {
      return;
    }
    TSNode value = ret.getNamedChild(0).getNamedChild(0);
    if (value.getType().endsWith("string_literal")) {
      tableNames.put(type, fold(source.unquoted(value)));
    }
  }

  private static TSNode firstOfType(TSNode node, String type) {
    if (node.getType().equals(type)) {
      return node;
    }
    for (int i = 0; i < node.getNamedChildCount(); i++) {
      TSNode found = firstOfType(node.getNamedChild(i), type);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private enum Kind { GORM, DB_TAGS }

  private List<OrmModel> model(TSNode spec) {
    TSNode nameNode = ParsedSource.field(spec, "name");
    String name = source.text(nameNode);
    TSNode list = firstOfType(ParsedSource.field(spec, "type"), "field_declaration_list");
    List<TSNode> declarations = new ArrayList<>();
    Set<String> fieldNames = new HashSet<>();
    Kind kind = null;
    for (int i = 0; list != null && i < list.getNamedChildCount(); i++) {
      TSNode d = list.getNamedChild(i);
      if (!d.getType().equals("field_declaration")) {
        continue;
      }
      declarations.add(d);
      Map<String, String> tag = tag(d);
      boolean embedsGorm = ParsedSource.field(d, "name") == null
          && source.text(ParsedSource.field(d, "type")).equals("gorm.Model");
      if (tag.containsKey("gorm") || embedsGorm) {
        kind = Kind.GORM;
      } else if (tag.containsKey("db") && kind == null) {
        kind = Kind.DB_TAGS;
      }
      for (int c = 0; c < d.getChildCount(); c++) {
        if ("name".equals(d.getFieldNameForChild(c))) {
          fieldNames.add(source.text(d.getChild(c)));
        }
      }
    }
    if (kind == null) {
      return List.of();
    }
    List<OrmModel.Field> fields = new ArrayList<>();
    for (TSNode d : declarations) {
      fields.addAll(kind == Kind.GORM ? gormFields(d, fieldNames) : dbFields(d));
    }
    List<String> tables = new ArrayList<>();
    String declared = tableNames.get(name);
    if (declared != null) {
      tables.add(declared);
    } else if (kind == Kind.GORM) {
      tables.add(GormNames.table(name));
    } else {
      String table = GormNames.column(name);
      tables.add(table);
      tables.add(GormNames.plural(table));
      for (String role : ROLE_SUFFIXES) {
        if (table.endsWith(role) && table.length() > role.length()) {
          String bare = table.substring(0, table.length() - role.length());
          tables.add(bare);
          tables.add(GormNames.plural(bare));
        }
      }
    }
    List<OrmModel> out = new ArrayList<>();
    for (String table : tables.stream().distinct().toList()) {
      out.add(new OrmModel(Orm.GO_STRUCT_TAGS, name, table, path, ParsedSource.line(nameNode),
          source.column(nameNode), fields));
    }
    return out;
  }

  private List<OrmModel.Field> gormFields(TSNode d, Set<String> fieldNames) {
    TSNode type = ParsedSource.field(d, "type");
    List<OrmModel.Field> out = new ArrayList<>();
    if (ParsedSource.field(d, "name") == null) {
      if (source.text(type).equals("gorm.Model")) {
        for (String f : GORM_MODEL_FIELDS) {
          out.add(new OrmModel.Field(f, GormNames.column(f), path, ParsedSource.line(d),
              source.column(d)));
        }
      }
      return out;
    }
    String gorm = tag(d).getOrDefault("gorm", "");
    String lower = gorm.toLowerCase(Locale.ROOT);
    if (gorm.startsWith("-") || lower.contains("many2many") || lower.contains("foreignkey")
        || isAssociation(type)) {
      return out;
    }
    String column = null;
    for (String option : gorm.split(";")) {
      int colon = option.indexOf(':');
      if (colon > 0 && option.substring(0, colon).strip().equalsIgnoreCase("column")) {
        column = fold(option.substring(colon + 1).strip());
      }
    }
    for (TSNode n : names(d)) {
      String field = source.text(n);
      // A field of another type beside a <Name>ID field is gorm's belongs-to association.
      if (column == null && fieldNames.contains(field + "ID") && !isScalar(type)) {
        continue;
      }
      out.add(new OrmModel.Field(field, column != null ? column : GormNames.column(field), path,
          ParsedSource.line(n), source.column(n)));
    }
    return out;
  }

  /** A slice (other than bytes), or a struct declared in this file: an association. */
  private boolean isAssociation(TSNode type) {
    TSNode t = type.getType().equals("pointer_type") ? type.getNamedChild(0) : type;
    if (t.getType().equals("slice_type")) {
      return !BYTES.contains(source.text(t));
    }
    return t.getType().equals("type_identifier") && structs.contains(source.text(t));
  }

  private boolean isScalar(TSNode type) {
    return type.getType().equals("type_identifier")
        && Character.isLowerCase(source.text(type).charAt(0));
  }

  private List<OrmModel.Field> dbFields(TSNode d) {
    String db = tag(d).get("db");
    List<OrmModel.Field> out = new ArrayList<>();
    if (db == null) {
      return out;
    }
    String column = db.split(",", 2)[0].strip();
    if (column.isEmpty() || column.equals("-")) {
      return out;
    }
    for (TSNode n : names(d)) {
      out.add(new OrmModel.Field(source.text(n), fold(column), path, ParsedSource.line(n),
          source.column(n)));
    }
    return out;
  }

  private List<TSNode> names(TSNode declaration) {
    List<TSNode> out = new ArrayList<>();
    for (int c = 0; c < declaration.getChildCount(); c++) {
      if ("name".equals(declaration.getFieldNameForChild(c))) {
        out.add(declaration.getChild(c));
      }
    }
    return out;
  }

  /**
   * The key-value pairs of a struct tag, read as Go's {@code reflect.StructTag.Lookup} does:
   * {@code key:"value"} pairs separated by spaces.
   */
  private Map<String, String> tag(TSNode declaration) {
    TSNode tag = ParsedSource.field(declaration, "tag");
    Map<String, String> out = new HashMap<>();
    if (tag == null) {
      return out;
    }
    String t = source.unquoted(tag);
    if (tag.getType().equals("interpreted_string_literal")) {
      t = t.replace("\\\"", "\"");
    }
    int i = 0;
    while (i < t.length()) {
      while (i < t.length() && t.charAt(i) == ' ') {
        i++;
      }
      int keyStart = i;
      while (i < t.length() && t.charAt(i) > ' ' && t.charAt(i) != ':' && t.charAt(i) != '"') {
        i++;
      }
      if (i + 1 >= t.length() || t.charAt(i) != ':' || t.charAt(i + 1) != '"') {
        break;
      }
      String key = t.substring(keyStart, i);
      int valueStart = i + 2;
      int end = t.indexOf('"', valueStart);
      if (end < 0) {
        break;
      }
      out.put(key, t.substring(valueStart, end));
      i = end + 1;
    }
    return out;
  }

  /** The struct a type names: {@code X}, {@code *X}, {@code pkg.X}; else null. */
  static String typeName(ParsedSource source, TSNode type) {
    if (type == null) {
      return null;
    }
    TSNode t = type.getType().equals("pointer_type") ? type.getNamedChild(0) : type;
    if (t.getType().equals("qualified_type")) {
      t = ParsedSource.field(t, "name");
    }
    return t != null && t.getType().equals("type_identifier") ? source.text(t) : null;
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
