package dev.migsafe.internal.surfaces;

import dev.migsafe.internal.surfaces.JvmAnnotations.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * The JPA mapping of one Java or Kotlin file: each {@code @Entity} class's table
 * ({@code @Table(name)}, else {@code @Entity(name)}, else the class's name) and each persistent
 * field's column ({@code @Column(name)}, {@code @JoinColumn(name)} of a {@code @ManyToOne} or
 * owning {@code @OneToOne}, else the field's name, with {@code _id} for a relation), all under
 * Spring Boot's physical naming. A {@code @MappedSuperclass} is read as a model without a table,
 * whose fields {@link JpaOrm#link} gives to the entities that extend it.
 *
 * <p>Not mapped to the class's table: static and transient fields, {@code @Transient},
 * {@code @OneToMany}, {@code @ManyToMany}, {@code @ElementCollection} (their columns are in
 * another table), a {@code @OneToOne(mappedBy)}, {@code @Embedded} (not followed) and Kotlin
 * properties with a delegate ({@code by lazy}).
 */
final class JpaEntities {
  private static final Set<String> ELSEWHERE = Set.of("Transient", "OneToMany", "ManyToMany",
      "ElementCollection", "Embedded", "EmbeddedId");
  private static final Set<String> TO_ONE = Set.of("ManyToOne", "OneToOne");

  private final String path;
  private final SyntaxNodes nodes;
  private final List<OrmModel> out = new ArrayList<>();

  private JpaEntities(String path, SyntaxNodes nodes) {
    this.path = path;
    this.nodes = nodes;
  }

  static List<OrmModel> read(String path, SourceLanguage language, String text) {
    // @jakarta.persistence.Entity written out has ".Entity"; a ResponseEntity has neither.
    if (!text.contains("@Entity") && !text.contains(".Entity")
        && !text.contains("MappedSuperclass")) {
      return List.of();
    }
    JpaEntities e = new JpaEntities(path, new SyntaxNodes(text));
    e.walk(language, SyntaxTrees.parse(language, text).getRootNode());
    return e.out;
  }

  private void walk(SourceLanguage language, TSNode root) {
    for (TSNode node : SyntaxTrees.nodes(language, root, List.of("class_declaration"))) {
      declaration(node);
    }
  }

  private void declaration(TSNode cls) {
    List<Annotation> annotations = JvmAnnotations.of(cls, nodes);
    Annotation entity = JvmAnnotations.find(annotations, "Entity");
    if (entity == null && !JvmAnnotations.has(annotations, "MappedSuperclass")) {
      return;
    }
    TSNode name = SyntaxNodes.name(cls, "type_identifier");
    if (name == null) {
      return;
    }
    String className = nodes.text(name);
    String table = null;
    if (entity != null) {
      Annotation t = JvmAnnotations.find(annotations, "Table");
      String logical = t != null && t.string("name") != null ? t.string("name")
          : entity.string("name") != null ? entity.string("name") : className;
      table = SpringPhysicalNaming.apply(logical);
      if (t != null && t.string("schema") != null) {
        table = SpringPhysicalNaming.apply(t.string("schema")) + "." + table;
      }
    }
    List<OrmModel.Field> fields = new ArrayList<>();
    TSNode body = SyntaxNodes.field(cls, "body");
    if (body == null) {
      body = SyntaxNodes.child(cls, "class_body");
    }
    TSNode constructor = SyntaxNodes.child(cls, "primary_constructor");
    if (constructor != null) {
      for (TSNode p : SyntaxNodes.children(constructor, "class_parameter")) {
        // A constructor parameter is a property (so a column) only with val or var.
        if (SyntaxNodes.child(p, "binding_pattern_kind") != null) {
          field(p, SyntaxNodes.child(p, "simple_identifier"), fields);
        }
      }
    }
    if (body != null) {
      for (TSNode member : SyntaxNodes.children(body, "field_declaration",
          "property_declaration")) {
        if (member.getType().equals("field_declaration")) {
          TSNode modifiers = SyntaxNodes.child(member, "modifiers");
          if (modifiers != null && (nodes.hasKeyword(modifiers, "static")
              || nodes.hasKeyword(modifiers, "transient"))) {
            continue;
          }
          for (TSNode d : SyntaxNodes.children(member, "variable_declarator")) {
            field(member, SyntaxNodes.field(d, "name"), fields);
          }
        } else if (SyntaxNodes.child(member, "property_delegate") == null) {
          TSNode v = SyntaxNodes.child(member, "variable_declaration");
          field(member, v == null ? null : SyntaxNodes.child(v, "simple_identifier"), fields);
        }
      }
    }
    out.add(new OrmModel(Orm.JPA, className, table, path, SyntaxNodes.line(name),
        nodes.column(name), fields, superclass(cls)));
  }

  private void field(TSNode declaration, TSNode name, List<OrmModel.Field> fields) {
    if (name == null) {
      return;
    }
    List<Annotation> annotations = JvmAnnotations.of(declaration, nodes);
    if (annotations.stream().anyMatch(a -> ELSEWHERE.contains(a.name()))) {
      return;
    }
    String fieldName = nodes.text(name);
    String logical = fieldName;
    Annotation toOne = annotations.stream().filter(a -> TO_ONE.contains(a.name())).findFirst()
        .orElse(null);
    if (toOne != null) {
      if (toOne.string("mappedBy") != null) {
        return;
      }
      Annotation join = JvmAnnotations.find(annotations, "JoinColumn");
      // JPA's default join column: the relation's name, _, the referenced key's column.
      logical = join != null && join.string("name") != null ? join.string("name")
          : fieldName + "_id";
    } else {
      Annotation column = JvmAnnotations.find(annotations, "Column");
      if (column != null && column.string("name") != null) {
        logical = column.string("name");
      }
    }
    fields.add(new OrmModel.Field(fieldName, SpringPhysicalNaming.apply(logical), path,
        SyntaxNodes.line(name), nodes.column(name)));
  }

  /** The class a Java or Kotlin class extends, by its simple name, or null. */
  private String superclass(TSNode cls) {
    TSNode sup = SyntaxNodes.field(cls, "superclass");
    if (sup != null) {
      TSNode type = SyntaxNodes.children(sup).isEmpty() ? null : SyntaxNodes.children(sup).get(0);
      return type == null ? null : simpleName(nodes.text(type));
    }
    for (TSNode d : SyntaxNodes.children(cls, "delegation_specifier")) {
      TSNode call = SyntaxNodes.child(d, "constructor_invocation");
      if (call != null && SyntaxNodes.child(call, "user_type") != null) {
        return simpleName(nodes.text(SyntaxNodes.child(call, "user_type")));
      }
    }
    return null;
  }

  /** {@code a.b.Person<T>} is {@code Person}. */
  static String simpleName(String type) {
    String s = type.strip();
    int lt = s.indexOf('<');
    if (lt >= 0) {
      s = s.substring(0, lt);
    }
    if (s.endsWith("?")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.substring(s.lastIndexOf('.') + 1);
  }
}
