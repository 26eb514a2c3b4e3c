package dev.migsafe.internal.plan;

import dev.migsafe.internal.rules.DrlCompiler;
import dev.migsafe.internal.rules.RuleBase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kie.api.KieBase;

/**
 * The plan's Drools knowledge base: the recipe selection rules of {@code
 * library/recipes/*.drl} and every decision tree of the library compiled to DRL.
 */
public final class PlanKnowledgeBase {
  private final KieBase kieBase;
  private final TreeLibrary trees;

  private PlanKnowledgeBase(KieBase kieBase, TreeLibrary trees) {
    this.kieBase = kieBase;
    this.trees = trees;
  }

  /** A knowledge base of the given selection DRL and trees, compiled now, for tests and tools. */
  public static PlanKnowledgeBase of(Map<String, String> selectionDrl, TreeLibrary trees) {
    Map<String, String> drl = new TreeMap<>(selectionDrl);
    drl.put("decision-trees.drl", TreeCompiler.compile(trees.all().values()));
    return new PlanKnowledgeBase(DrlCompiler.compile(drl), trees);
  }

  /** The trees given, with the shipped selection rules, compiled now. */
  public static PlanKnowledgeBase build(TreeLibrary trees) {
    Map<String, String> drl = new TreeMap<>();
    PlanDrl.sources().forEach((k, v) -> {
      if (!k.endsWith("decision-trees.drl")) {
        drl.put(k, v);
      }
    });
    return of(drl, trees);
  }

  /**
   * The shipped knowledge base: lint rules, recipe selection and decision trees are one
   * KieBase, which the build generates as an executable model ({@link RuleBase#shared()}).
   */
  public static PlanKnowledgeBase shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final PlanKnowledgeBase INSTANCE =
        new PlanKnowledgeBase(RuleBase.shared().kieBase(), TreeLibrary.shared());
  }

  /** Chooses each change's recipe and attaches its decision trees. */
  public void select(Collection<PlanChange> changes) {
    kieBase.newStatelessKieSession().execute(new ArrayList<Object>(changes));
  }

  /**
   * Walks a tree with the given answers and returns the node it stops at: an outcome, or the
   * first question whose fact is not answered.
   */
  public TreeDefinition.TreeNode decide(String treeId, Map<String, Boolean> answers) {
    TreeDefinition t = trees.get(treeId);
    if (t == null) {
      throw new IllegalArgumentException("no decision tree '" + treeId + "'");
    }
    TreeWalk walk = new TreeWalk(treeId, t.root().key(), answers);
    kieBase.newStatelessKieSession().execute(List.of(walk));
    return find(t.root(), walk.getNode());
  }

  private static TreeDefinition.TreeNode find(TreeDefinition.TreeNode n, String key) {
    if (n == null) {
      return null;
    }
    if (n.key().equals(key)) {
      return n;
    }
    TreeDefinition.TreeNode y = find(n.yes(), key);
    return y != null ? y : find(n.no(), key);
  }
}
