package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface.Access;
import dev.migsafe.api.Surface.Certainty;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * An attribute of a model instance in Python: {@code self.email} in the model's class
 * ({@code CERTAIN}), {@code order.email} on a variable ({@code order}, {@code current_order}),
 * or {@code self.order.email} on a relation, named after the model ({@code LIKELY}); written
 * when assigned to.
 */
final class PythonAttributes {
  private static final Set<String> ASSIGNMENTS = Set.of("assignment", "augmented_assignment");

  private PythonAttributes() {}

  /** The use an {@code attribute} node makes of a model's column, or null. */
  static OrmUse of(SyntaxSource src, TSNode attr, OrmModel inClass, List<OrmModel> models) {
    TSNode object = SyntaxSource.field(attr, "object");
    TSNode name = SyntaxSource.field(attr, "attribute");
    TypedModel typed = object == null || name == null ? null
        : instance(src, object, inClass, models);
    OrmModel.Field f = typed == null ? null : typed.model().field(src.text(name));
    if (f == null) {
      return null;
    }
    return new OrmUse(typed.model(), f.columnName(), SyntaxSource.line(attr), src.column(attr),
        SyntaxSource.isAssigned(attr, ASSIGNMENTS) ? Access.WRITE : Access.READ,
        typed.certainty());
  }

  /**
   * The model an expression is an instance of: {@code self} in the model's class, a variable
   * or a relation ({@code self.order}, {@code request.user}) named after it; else null.
   */
  static TypedModel instance(SyntaxSource src, TSNode node, OrmModel inClass,
      List<OrmModel> models) {
    if (node == null || !node.getType().equals("identifier")
        && !node.getType().equals("attribute")) {
      return null;
    }
    String receiver = node.getType().equals("identifier") ? src.text(node)
        : src.text(SyntaxSource.field(node, "attribute"));
    if (receiver.equals("self") && node.getType().equals("identifier")) {
      return inClass == null ? null : new TypedModel(inClass, Certainty.CERTAIN);
    }
    for (OrmModel m : models) {
      if (ModelNames.instanceName(receiver, m)) {
        return new TypedModel(m, Certainty.LIKELY);
      }
    }
    return null;
  }
}
