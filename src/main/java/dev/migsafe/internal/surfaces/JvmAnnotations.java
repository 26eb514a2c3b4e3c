package dev.migsafe.internal.surfaces;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.treesitter.TSNode;

/**
 * The annotations on a Java or Kotlin declaration, with their string arguments: what JPA's
 * mapping is written in. A name is its last part ({@code @jakarta.persistence.Column} is
 * {@code Column}); an argument without a name is {@code value}, as Java reads it.
 */
final class JvmAnnotations {
  /** One annotation and the arguments of it that are string literals. */
  record Annotation(String name, Map<String, String> strings) {
    String string(String key) {
      return strings.get(key);
    }
  }

  private JvmAnnotations() {}

  static List<Annotation> of(TSNode declaration, SyntaxNodes nodes) {
    List<Annotation> out = new ArrayList<>();
    TSNode modifiers = SyntaxNodes.child(declaration, "modifiers");
    if (modifiers == null) {
      return out;
    }
    for (TSNode a : SyntaxNodes.children(modifiers, "annotation", "marker_annotation")) {
      TSNode javaName = SyntaxNodes.field(a, "name");
      out.add(javaName != null ? java(a, javaName, nodes) : kotlin(a, nodes));
    }
    return out;
  }

  /** The annotation of that name, or null. */
  static Annotation find(List<Annotation> annotations, String name) {
    for (Annotation a : annotations) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    return null;
  }

  static boolean has(List<Annotation> annotations, String name) {
    return find(annotations, name) != null;
  }

  private static Annotation java(TSNode a, TSNode name, SyntaxNodes nodes) {
    Map<String, String> strings = new HashMap<>();
    TSNode args = SyntaxNodes.field(a, "arguments");
    if (args != null) {
      for (TSNode arg : SyntaxNodes.children(args)) {
        if (arg.getType().equals("element_value_pair")) {
          TSNode key = SyntaxNodes.field(arg, "key");
          TSNode value = SyntaxNodes.field(arg, "value");
          if (key != null && value != null && value.getType().equals("string_literal")) {
            strings.put(nodes.text(key), nodes.stringValue(value));
          }
        } else if (arg.getType().equals("string_literal")) {
          strings.put("value", nodes.stringValue(arg));
        }
      }
    }
    return new Annotation(JpaEntities.simpleName(nodes.text(name)), strings);
  }

  private static Annotation kotlin(TSNode a, SyntaxNodes nodes) {
    Map<String, String> strings = new HashMap<>();
    TSNode call = SyntaxNodes.child(a, "constructor_invocation");
    TSNode type = SyntaxNodes.child(call != null ? call : a, "user_type");
    TSNode args = call == null ? null : SyntaxNodes.child(call, "value_arguments");
    if (args != null) {
      for (TSNode arg : SyntaxNodes.children(args, "value_argument")) {
        TSNode key = SyntaxNodes.child(arg, "simple_identifier");
        TSNode value = SyntaxNodes.child(arg, "string_literal");
        if (value != null) {
          strings.put(key == null ? "value" : nodes.text(key), nodes.stringValue(value));
        }
      }
    }
    return new Annotation(type == null ? "" : JpaEntities.simpleName(nodes.text(type)), strings);
  }
}
