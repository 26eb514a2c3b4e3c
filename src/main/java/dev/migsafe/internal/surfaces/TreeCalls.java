package dev.migsafe.internal.surfaces;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.treesitter.TSNode;
import org.treesitter.TSParser;

/**
 * The node questions the script readers ask most, put to tree-sitter in one call each. The
 * binding's {@code TSNode} methods first ask tree-sitter whether the node is null, a second
 * call into native code, and every such call looks up the node's fields by name: on a scan of
 * 100,000 files the lookups were a tenth of the CPU. Whether a node is null is read here from
 * the node itself (the binding keeps tree-sitter's node id in it), and a null node is refused
 * as the binding refuses it, before tree-sitter would read through it.
 *
 * <p>Extending {@code TSParser} is what makes its protected native functions callable; no
 * instance is made. A node returned here does not hold its tree: the caller does, as every
 * reader holds its file's root.
 */
final class TreeCalls extends TSParser {
  /** The binding's private node id, or null when a version of it has none (then asked). */
  private static final VarHandle ID = idHandle();

  private TreeCalls() {}

  private static VarHandle idHandle() {
    try {
      return MethodHandles.privateLookupIn(TSNode.class, MethodHandles.lookup())
          .findVarHandle(TSNode.class, "idPtr", long.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** Whether the node's id is read from the node (else the binding is asked). */
  static boolean readsIds() {
    return ID != null;
  }

  static boolean isNull(TSNode node) {
    return ID != null ? (long) ID.get(node) == 0 : node.isNull();
  }

  private static TSNode held(TSNode node) {
    if (isNull(node)) {
      throw new IllegalStateException("a null tree-sitter node");
    }
    return node;
  }

  static String type(TSNode node) {
    return ts_node_type(held(node));
  }

  static int start(TSNode node) {
    return ts_node_start_byte(held(node));
  }

  static int end(TSNode node) {
    return ts_node_end_byte(held(node));
  }

  static TSNode parent(TSNode node) {
    return ts_node_parent(held(node));
  }

  static TSNode field(TSNode node, String name) {
    return ts_node_child_by_field_name(held(node), name);
  }

  static int namedChildCount(TSNode node) {
    return ts_node_named_child_count(held(node));
  }

  static TSNode namedChild(TSNode node, int index) {
    return ts_node_named_child(held(node), index);
  }

  static TSNode namedDescendant(TSNode node, int start, int end) {
    return ts_node_named_descendant_for_byte_range(held(node), start, end);
  }
}
