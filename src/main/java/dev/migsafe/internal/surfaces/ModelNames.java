package dev.migsafe.internal.surfaces;

import java.util.List;

/**
 * The names code gives a model: its class ({@code OrderItem}) and, for Ruby and Python, the
 * snake-case name of its instances, relations and lookups ({@code order_item}).
 */
final class ModelNames {
  private ModelNames() {}

  /** The model whose class has that name, or null. */
  static OrmModel byClass(List<OrmModel> models, String className) {
    for (OrmModel m : models) {
      if (m.name().equals(className)) {
        return m;
      }
    }
    return null;
  }

  /**
   * Whether a text may use the model: it names the class, or a variable or relation named
   * after it ({@code order_item}, {@code @order_items}, {@code order_item__email}). The cheap
   * test before a file is parsed.
   */
  static boolean mentioned(String text, OrmModel model) {
    return text.contains(model.name())
        || text.contains(RailsInflection.underscore(model.name()));
  }

  /**
   * Whether a variable's name stands for an instance of the model: {@code order_item}, or a
   * qualified one, {@code current_order_item}, {@code new_order_item} (Flask-Login's and
   * Devise's {@code current_user}).
   */
  static boolean instanceName(String variable, OrmModel model) {
    String snake = RailsInflection.underscore(model.name());
    return variable.equals(snake) || variable.endsWith("_" + snake);
  }
}
