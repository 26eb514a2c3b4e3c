package dev.migsafe.internal.surfaces;

import dev.migsafe.internal.surfaces.ScriptDecorators.Decorator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * The TypeORM mapping of one TypeScript or JavaScript file: each {@code @Entity} class's table
 * ({@code @Entity('name')}, {@code @Entity({ name, schema })}, else the class's name in
 * snake_case, as TypeORM's {@code DefaultNamingStrategy} names it) and each column decorator's
 * column ({@code @Column}, {@code @PrimaryGeneratedColumn}, {@code @CreateDateColumn}, ...:
 * its {@code name} option, else the property's name as written). A {@code @ManyToOne}, or a
 * {@code @OneToOne} with {@code @JoinColumn}, holds {@code @JoinColumn({ name })}, else the
 * property's name and {@code Id} ({@code author} is {@code authorId}). TypeORM quotes every
 * name, so a column keeps its case ({@code "favoriteCount"}).
 */
final class TypeOrmEntities {
  static final Set<String> COLUMNS = Set.of("Column", "PrimaryColumn", "PrimaryGeneratedColumn",
      "CreateDateColumn", "UpdateDateColumn", "DeleteDateColumn", "VersionColumn",
      "ObjectIdColumn", "ViewColumn");

  private final String path;
  private final SyntaxNodes nodes;
  private final ScriptObjects objects;
  private final List<OrmModel> out = new ArrayList<>();

  private TypeOrmEntities(String path, SyntaxNodes nodes) {
    this.path = path;
    this.nodes = nodes;
    this.objects = new ScriptObjects(nodes);
  }

  static List<OrmModel> read(String path, SourceLanguage language, String text) {
    if (!text.contains("@Entity")) {
      return List.of();
    }
    TypeOrmEntities e = new TypeOrmEntities(path, new SyntaxNodes(text));
    e.walk(language, SyntaxTrees.parse(language, text).getRootNode());
    return e.out;
  }

  private void walk(SourceLanguage language, TSNode root) {
    for (TSNode node : SyntaxTrees.nodes(language, root, List.of("class_declaration", "class"))) {
      declaration(node);
    }
  }

  private void declaration(TSNode cls) {
    Decorator entity = ScriptDecorators.find(ScriptDecorators.of(cls, nodes), Set.of("Entity"));
    TSNode name = SyntaxNodes.field(cls, "name");
    TSNode body = SyntaxNodes.field(cls, "body");
    if (entity == null || name == null || body == null) {
      return;
    }
    String className = nodes.text(name);
    String given = ScriptDecorators.name(entity, "name", nodes, objects, true);
    String table = given != null ? given : snakeCase(className);
    String schema = ScriptDecorators.name(entity, "schema", nodes, objects, false);
    if (schema != null) {
      table = schema + "." + table;
    }
    List<OrmModel.Field> fields = new ArrayList<>();
    for (ScriptDecorators.ClassField f : ScriptDecorators.fields(body)) {
      TSNode property = f.name();
      String column = column(ScriptDecorators.of(f.member(), nodes), nodes.text(property));
      if (column != null) {
        fields.add(new OrmModel.Field(nodes.text(property), column, path,
            SyntaxNodes.line(property), nodes.column(property)));
      }
    }
    out.add(new OrmModel(Orm.TYPEORM, className, table, path, SyntaxNodes.line(name),
        nodes.column(name), fields));
  }

  private String column(List<Decorator> decorators, String property) {
    Decorator column = ScriptDecorators.find(decorators, COLUMNS);
    if (column != null) {
      String given = ScriptDecorators.name(column, "name", nodes, objects, false);
      return given != null ? given : property;
    }
    Decorator join = ScriptDecorators.find(decorators, Set.of("JoinColumn"));
    boolean manyToOne = ScriptDecorators.find(decorators, Set.of("ManyToOne")) != null;
    boolean ownedOneToOne = join != null
        && ScriptDecorators.find(decorators, Set.of("OneToOne")) != null;
    if (!manyToOne && !ownedOneToOne) {
      return null;
    }
    String given = join == null ? null
        : ScriptDecorators.name(join, "name", nodes, objects, false);
    // DefaultNamingStrategy.joinColumnName: camelCase(relation + "_" + referenced column).
    return given != null ? given : property + "Id";
  }

  /** TypeORM's {@code snakeCase}: {@code ABc} to {@code a_bc}, {@code aC} to {@code a_c}. */
  static String snakeCase(String name) {
    return name.replaceAll("([A-Z])([A-Z])([a-z])", "$1_$2$3")
        .replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
