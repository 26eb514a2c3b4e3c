package dev.migsafe.internal.surfaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.treesitter.TSNode;

/** The direct node calls answer as the binding's methods do, and refuse a null node too. */
class TreeCallsTest {
  private static final String CODE = "const share = await Share.findByPk(id);\n";

  @Test
  void answersAsTheBindingDoes() {
    TSNode root = SyntaxTrees.parse(SourceLanguage.TYPESCRIPT, CODE).getRootNode();
    assertThat(TreeCalls.readsIds()).as("the binding's node id is read in Java").isTrue();
    TSNode name = TreeCalls.namedDescendant(root, 6, 11);
    assertThat(TreeCalls.type(name)).isEqualTo(name.getType()).isEqualTo("identifier");
    assertThat(TreeCalls.start(name)).isEqualTo(name.getStartByte()).isEqualTo(6);
    assertThat(TreeCalls.end(name)).isEqualTo(name.getEndByte()).isEqualTo(11);
    TSNode declarator = TreeCalls.parent(name);
    assertThat(declarator).isEqualTo(name.getParent());
    assertThat(TreeCalls.field(declarator, "value"))
        .isEqualTo(declarator.getChildByFieldName("value"));
    assertThat(TreeCalls.namedChildCount(declarator)).isEqualTo(declarator.getNamedChildCount());
    assertThat(TreeCalls.namedChild(declarator, 0)).isEqualTo(name);

    TSNode none = TreeCalls.parent(root);
    assertThat(TreeCalls.isNull(none)).isEqualTo(none.isNull()).isTrue();
    assertThat(TreeCalls.isNull(root)).isFalse();
    assertThat(SyntaxNodes.present(none)).isFalse();
    assertThat(SyntaxNodes.present(null)).isFalse();
    assertThatThrownBy(() -> TreeCalls.type(none)).isInstanceOf(IllegalStateException.class);
  }
}
