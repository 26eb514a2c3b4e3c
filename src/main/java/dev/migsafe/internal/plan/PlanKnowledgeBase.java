package dev.migsafe.internal.plan;

import dev.migsafe.internal.rules.DrlCompiler;
import dev.migsafe.internal.rules.RuleBase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * The plan's Drools knowledge base: the recipe selection rules of {@code
 * library/recipes/*.drl}. Decision trees are not rules: {@link TreeLibrary} finds the trees of
 * a change kind and {@link TreeDefinition#decide} walks one in plain Java.
 */
public final class PlanKnowledgeBase {
  private final KieBase kieBase;

  private PlanKnowledgeBase(KieBase kieBase) {
    this.kieBase = kieBase;
  }

  /** A knowledge base of the given selection DRL (path to text), compiled now, for tests. */
  public static PlanKnowledgeBase of(Map<String, String> selectionDrl) {
    return new PlanKnowledgeBase(DrlCompiler.compile(selectionDrl));
  }

  /**
   * The shipped knowledge base: lint rules and recipe selection are one KieBase, which the
   * build generates as an executable model ({@link RuleBase#shared()}).
   */
  public static PlanKnowledgeBase shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final PlanKnowledgeBase INSTANCE = new PlanKnowledgeBase(RuleBase.shared().kieBase());
  }

  /** Chooses each change's recipe. */
  public void select(Collection<PlanChange> changes) {
    kieBase.newStatelessKieSession().execute(new ArrayList<Object>(changes));
  }
}
