package dev.migsafe.internal.surfaces;

import dev.migsafe.api.Surface.Access;
import dev.migsafe.api.Surface.Certainty;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * An attribute of a model instance in Python: {@code self.email} in the model's class
 * ({@code CERTAIN}), {@code order.email} on a variable, or {@code self.order.email} on a
 * relation, named after the model ({@code LIKELY}); written when assigned to.
 */
final class PythonAttributes {
  private static final Set<String> ASSIGNMENTS = Set.of("assignment", "augmented_assignment");

  private PythonAttributes() {}

  /** The use an {@code attribute} node makes of a model's column, or null. */
  static OrmUse of(SyntaxSource src, TSNode attr, OrmModel inClass, List<OrmModel> models) {
    TSNode object = SyntaxSource.field(attr, "object");
    TSNode name = SyntaxSource.field(attr, "attribute");
    if (object == null || name == null || !object.getType().equals("identifier")
        && !object.getType().equals("attribute")) {
      return null;
    }
    String receiver = object.getType().equals("identifier") ? src.text(object)
        : src.text(SyntaxSource.field(object, "attribute"));
    TypedModel typed = null;
    if (receiver.equals("self") && object.getType().equals("identifier") && inClass != null) {
      typed = new TypedModel(inClass, Certainty.CERTAIN);
    } else {
      for (OrmModel m : models) {
        if (receiver.equals(PythonNames.snake(m.name()))) {
          typed = new TypedModel(m, Certainty.LIKELY);
        }
      }
    }
    OrmModel.Field f = typed == null ? null : typed.model().field(src.text(name));
    if (f == null) {
      return null;
    }
    return new OrmUse(typed.model(), f.columnName(), SyntaxSource.line(attr), src.column(attr),
        SyntaxSource.isAssigned(attr, ASSIGNMENTS) ? Access.WRITE : Access.READ,
        typed.certainty());
  }
}
