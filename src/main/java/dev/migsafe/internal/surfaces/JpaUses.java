package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface.Access;
import dev.migsafe.api.Surface.Certainty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Uses of a JPA entity in Java or Kotlin, through its names:
 * <ul>
 *   <li>a getter or setter of a mapped field ({@code order.getEmail()}, {@code
 *       order.setEmail(e)}), or in Kotlin the property itself ({@code order.email}, {@code
 *       order.email = e}): {@code certain} when the receiver is a variable, parameter or field
 *       the file declares with the entity's type, not a use when it declares another type,
 *       {@code likely} when the file does not say (a call's result, {@code var}); calls on
 *       {@code this} or without a receiver are the class's own and not counted;
 *   <li>JPQL naming the entity in a string ({@code @Query}, {@code createQuery}), read by
 *       {@link JpqlQuery};
 *   <li>a Spring Data repository of the entity ({@code interface OrderRepository extends
 *       JpaRepository<Order, Long>}): the table, and each property its derived query methods
 *       name ({@code findByEmail}), read by {@link SpringDataMethodName}.
 * </ul>
 */
final class JpaUses {
  private static final Set<String> REPOSITORIES = Set.of("Repository", "CrudRepository",
      "ListCrudRepository", "PagingAndSortingRepository", "ListPagingAndSortingRepository",
      "JpaRepository", "JpaSpecificationExecutor", "QuerydslPredicateExecutor",
      "RevisionRepository");

  /** The nodes that declare a name's type, in Java and Kotlin. */
  private static final List<String> DECLARATIONS = List.of("formal_parameter",
      "enhanced_for_statement", "catch_formal_parameter", "local_variable_declaration",
      "field_declaration", "parameter", "class_parameter", "variable_declaration");
  /** The nodes that may use the entity. */
  private static final List<String> USES = List.of("method_invocation", "method_reference",
      "callable_reference", "navigation_expression", "directly_assignable_expression",
      "interface_declaration", "class_declaration");

  private final SourceLanguage language;
  private final String source;
  private final SyntaxNodes nodes;
  private final OrmModel model;
  /** Each name the file declares, with its type's simple name; "" when declared twice unlike. */
  private final Map<String, String> declared = new HashMap<>();
  private final List<OrmUse> out = new ArrayList<>();

  private JpaUses(SourceLanguage language, String source, OrmModel model) {
    this.language = language;
    this.source = source;
    this.nodes = new SyntaxNodes(source);
    this.model = model;
  }

  static List<OrmUse> of(SourceLanguage language, String source, OrmModel model) {
    JpaUses u = new JpaUses(language, source, model);
    TSNode root = SyntaxTrees.parse(language, source).getRootNode();
    for (TSNode node : SyntaxTrees.nodes(language, root, DECLARATIONS)) {
      u.declaration(node);
    }
    for (TSNode node : SyntaxTrees.nodes(language, root, USES)) {
      u.use(node);
    }
    u.jpql();
    return u.out;
  }

  private void declaration(TSNode node) {
    switch (node.getType()) {
      case "formal_parameter", "enhanced_for_statement", "catch_formal_parameter" ->
          declare(SyntaxNodes.field(node, "name"), SyntaxNodes.field(node, "type"));
      case "local_variable_declaration", "field_declaration" -> {
        for (TSNode d : SyntaxNodes.children(node, "variable_declarator")) {
          declare(SyntaxNodes.field(d, "name"), SyntaxNodes.field(node, "type"));
        }
      }
      case "parameter", "class_parameter", "variable_declaration" ->
          declare(SyntaxNodes.child(node, "simple_identifier"), kotlinType(node));
      default -> { }
    }
  }

  private static TSNode kotlinType(TSNode node) {
    TSNode t = SyntaxNodes.child(node, "user_type");
    return t != null ? t : SyntaxNodes.child(node, "nullable_type");
  }

  private void declare(TSNode name, TSNode type) {
    if (name == null) {
      return;
    }
    // Java's var and Kotlin's untyped val say nothing here.
    String t = type == null || nodes.text(type).equals("var") ? ""
        : JpaEntities.simpleName(nodes.text(type));
    declared.merge(nodes.text(name), t, (a, b) -> a.equals(b) ? a : "");
  }

  private void use(TSNode node) {
    switch (node.getType()) {
      case "method_invocation" -> javaCall(node);
      case "method_reference", "callable_reference" -> reference(node);
      case "navigation_expression" -> kotlinNavigation(node, node.getParent());
      case "directly_assignable_expression" -> kotlinNavigation(node, node.getParent());
      case "interface_declaration" -> repository(node,
          SyntaxNodes.child(node, "extends_interfaces"), "method_declaration");
      case "class_declaration" -> {
        if (nodes.hasKeyword(node, "interface")) {
          repository(node, node, "function_declaration");
        }
      }
      default -> { }
    }
  }

  private void javaCall(TSNode call) {
    TSNode object = SyntaxNodes.field(call, "object");
    TSNode name = SyntaxNodes.field(call, "name");
    if (object == null || name == null) {
      return;
    }
    accessor(nodes.text(name), object, name);
  }

  /** {@code Order::getEmail} in Java, {@code Order::email} in Kotlin. */
  private void reference(TSNode node) {
    if (node.getNamedChildCount() < 2) {
      return;
    }
    TSNode receiver = node.getNamedChild(0);
    TSNode name = node.getNamedChild(node.getNamedChildCount() - 1);
    OrmModel.Field property = model.field(nodes.text(name));
    if (property != null) {
      Certainty c = certainty(receiver);
      if (c != null) {
        out.add(use(property.columnName(), name, Access.READ, c));
      }
    } else {
      accessor(nodes.text(name), receiver, name);
    }
  }

  /** {@code o.email}, {@code o.email = e}, {@code o.getEmail()} in Kotlin. */
  private void kotlinNavigation(TSNode node, TSNode parent) {
    TSNode suffix = SyntaxNodes.child(node, "navigation_suffix");
    TSNode name = suffix == null ? null : SyntaxNodes.child(suffix, "simple_identifier");
    if (name == null || node.getNamedChildCount() < 2) {
      return;
    }
    boolean called = parent != null && parent.getType().equals("call_expression");
    boolean assigned = node.getType().equals("directly_assignable_expression");
    String member = nodes.text(name);
    if (!called && model.field(member) != null) {
      TSNode receiver = node.getNamedChild(0);
      Certainty c = certainty(receiver);
      if (c != null) {
        out.add(use(model.field(member).columnName(), name,
            assigned ? Access.WRITE : Access.READ, c));
      }
    } else if (called) {
      accessor(member, node.getNamedChild(0), name);
    }
  }

  /** A getter or setter of a mapped field on a receiver of the model's type or an unknown one. */
  private void accessor(String method, TSNode receiver, TSNode at) {
    String property;
    Access access;
    if (method.startsWith("get") || method.startsWith("set")) {
      property = method.substring(3);
      access = method.startsWith("set") ? Access.WRITE : Access.READ;
    } else if (method.startsWith("is")) {
      property = method.substring(2);
      access = Access.READ;
    } else {
      return;
    }
    if (property.isEmpty() || !Character.isUpperCase(property.charAt(0))) {
      return;
    }
    OrmModel.Field f = model.field(Character.toLowerCase(property.charAt(0))
        + property.substring(1));
    Certainty c = f == null ? null : certainty(receiver);
    if (c != null) {
      out.add(use(f.columnName(), at, access, c));
    }
  }

  /**
   * How sure a receiver is the model: certain when declared with its type, null when declared
   * with another or when it is the class itself ({@code this}), likely otherwise.
   */
  private Certainty certainty(TSNode receiver) {
    String type = receiver.getType();
    if (type.equals("this") || type.equals("this_expression") || type.equals("super")
        || type.equals("super_expression")) {
      return null;
    }
    TSNode name = receiver;
    if (type.equals("field_access")) {
      name = SyntaxNodes.field(receiver, "field");
    }
    if (name == null || !Set.of("identifier", "simple_identifier", "type_identifier")
        .contains(name.getType())) {
      return Certainty.LIKELY;
    }
    String text = nodes.text(name);
    String declaredType = declared.getOrDefault(text, "");
    if (declaredType.isEmpty()) {
      // An undeclared capitalised name is a class (Order::getEmail, a static call).
      return text.equals(model.name()) ? Certainty.CERTAIN
          : Character.isUpperCase(text.charAt(0)) ? null : Certainty.LIKELY;
    }
    return declaredType.equals(model.name()) ? Certainty.CERTAIN : null;
  }

  /** A Spring Data repository of the model: the table, and its derived queries' columns. */
  private void repository(TSNode declaration, TSNode supertypes, String methodType) {
    if (supertypes == null || !isRepositoryOfModel(supertypes)) {
      return;
    }
    TSNode name = SyntaxNodes.name(declaration, "type_identifier");
    out.add(use(null, name == null ? declaration : name, Access.READ_WRITE, Certainty.CERTAIN));
    TSNode body = SyntaxNodes.field(declaration, "body");
    if (body == null) {
      body = SyntaxNodes.child(declaration, "class_body");
    }
    if (body == null) {
      return;
    }
    for (TSNode method : SyntaxNodes.children(body, methodType)) {
      // With @Query, Spring Data runs the query (read as JPQL) and ignores the name.
      if (JvmAnnotations.has(JvmAnnotations.of(method, nodes), "Query")) {
        continue;
      }
      TSNode methodName = SyntaxNodes.name(method, "simple_identifier");
      if (methodName == null) {
        continue;
      }
      for (String property : SpringDataMethodName.properties(nodes.text(methodName))) {
        OrmModel.Field f = model.field(property);
        if (f != null) {
          out.add(use(f.columnName(), methodName, Access.READ, Certainty.CERTAIN));
        }
      }
    }
  }

  /** Whether a supertype list names {@code XRepository<Model, ...>}. */
  private boolean isRepositoryOfModel(TSNode node) {
    String type = node.getType();
    if (type.equals("generic_type") || type.equals("user_type")) {
      TSNode base = SyntaxNodes.child(node, "type_identifier");
      TSNode args = SyntaxNodes.child(node, "type_arguments");
      if (base != null && args != null && REPOSITORIES.contains(nodes.text(base))
          && args.getNamedChildCount() > 0
          && JpaEntities.simpleName(nodes.text(args.getNamedChild(0))).equals(model.name())) {
        return true;
      }
    }
    if (type.equals("class_body") || type.equals("interface_body")) {
      return false;
    }
    for (TSNode c : SyntaxNodes.children(node)) {
      if (isRepositoryOfModel(c)) {
        return true;
      }
    }
    return false;
  }

  private void jpql() {
    for (StringLiterals.Literal l : StringLiterals.of(language, source)) {
      if (!JpqlQuery.looksLikeJpql(l.text())) {
        continue;
      }
      for (JpqlQuery.Use u : JpqlQuery.uses(l.text(), model)) {
        out.add(new OrmUse(model, u.columnName(), l.line(), l.column(), u.access(),
            Certainty.CERTAIN));
      }
    }
  }

  private OrmUse use(String columnName, TSNode at, Access access, Certainty certainty) {
    return new OrmUse(model, columnName, SyntaxNodes.line(at), nodes.column(at), access,
        certainty);
  }
}
