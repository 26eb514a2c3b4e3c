package dev.migsafe.internal.rules;

import dev.migsafe.internal.sql.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.InternalWorkingMemory;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The lint rules fired over one file's statements as the analysis hands them over, holding
 * facts only as long as a rule can still match them (issue 15: a file of 500,000 statements in
 * a 512 MB heap). Each rule's {@code @scope} ({@link RuleScope}) decides:
 *
 * <ul>
 *   <li>statement rules fire over windows of {@link Windowing#statements()} statements, whose
 *       facts are dropped after;
 *   <li>transaction rules fire when a transaction ends, over its statements only (they match
 *       nothing outside a transaction);
 *   <li>file rules fire once at the end, in a session that keeps only the facts one of their
 *       patterns matches: a fact that no pattern takes is deleted as soon as it is inserted.
 * </ul>
 *
 * <p>{@link Windowing#oneSession()} fires every rule in one session over every fact instead, as
 * lint did before: the reference that the windows must match finding for finding.
 */
public final class FileRuleRun {
  private final RuleBase rules;
  private final MigrationFact file;
  private final Windowing windowing;
  private final FindingSink sink;

  private final List<Object> window = new ArrayList<>();
  private int windowStatements;
  private final List<Object> transaction = new ArrayList<>();
  private int transactionId = -1;
  private final KieSession fileSession;
  /** The statements of the facts the file session kept, which its findings may point at. */
  private final Map<Integer, StatementFact> fileStatements = new LinkedHashMap<>();

  public FileRuleRun(RuleBase rules, MigrationFact file, Windowing windowing) {
    this.rules = rules;
    this.file = file;
    this.windowing = windowing;
    this.sink = new FindingSink(file);
    if (windowing.isOneSession()) {
      this.fileSession = null;
      window.add(file);
    } else {
      this.fileSession = rules.kieBase(RuleScope.FILE).newKieSession();
      fileSession.setGlobal("findings", sink);
      fileSession.insert(file);
    }
  }

  /** The next statement of the file, with its operations. */
  public void add(StatementFact st) {
    window.add(st);
    window.addAll(st.getOperations());
    if (windowing.isOneSession()) {
      return;
    }
    if (++windowStatements >= windowing.statements()) {
      fireWindow();
    }
    if (st.getTransactionId() != transactionId) {
      fireTransaction();
      transactionId = st.getTransactionId();
    }
    if (transactionId != -1) {
      transaction.add(st);
      transaction.addAll(st.getOperations());
    }
    List<FactHandle> handles = new ArrayList<>(st.getOperations().size() + 1);
    handles.add(fileSession.insert(st));
    for (Operation op : st.getOperations()) {
      handles.add(fileSession.insert(op));
    }
    if (keepMatched(handles)) {
      fileStatements.put(st.getIndex(), st);
    }
  }

  /** Fires what is left and returns every finding of the file. */
  public List<RawFinding> finish() {
    if (windowing.isOneSession()) {
      return rules.fire(file, window);
    }
    fireWindow();
    fireTransaction();
    sink.startRun(fileStatements.values());
    try {
      fileSession.fireAllRules();
    } finally {
      fileSession.dispose();
    }
    sink.endRun();
    return sink.findings();
  }

  /**
   * Keeps the facts just inserted that a pattern of the file rules took, and deletes the rest:
   * a fact in no pattern's memory can take part in no match, and would cost its handle until
   * the end. Returns whether any was kept.
   */
  private boolean keepMatched(List<FactHandle> handles) {
    // Inserts reach the patterns' memories when the session propagates them, which it does
    // lazily (before firing); this does it now, without firing anything.
    ((InternalWorkingMemory) fileSession).flushPropagations();
    boolean kept = false;
    for (FactHandle handle : handles) {
      if (((InternalFactHandle) handle).getLinkedTuples().hasTuples()) {
        kept = true;
      } else {
        fileSession.delete(handle);
      }
    }
    return kept;
  }

  private void fireWindow() {
    if (windowStatements > 0) {
      List<Object> facts = new ArrayList<>(window.size() + 1);
      facts.add(file);
      facts.addAll(window);
      fire(RuleScope.STATEMENT, facts);
    }
    window.clear();
    windowStatements = 0;
  }

  private void fireTransaction() {
    if (!transaction.isEmpty()) {
      List<Object> facts = new ArrayList<>(transaction.size() + 1);
      facts.add(file);
      facts.addAll(transaction);
      fire(RuleScope.TRANSACTION, facts);
    }
    transaction.clear();
  }

  private void fire(RuleScope scope, List<Object> facts) {
    StatelessKieSession session = rules.kieBase(scope).newStatelessKieSession();
    session.setGlobal("findings", sink);
    sink.startRun(facts);
    session.execute(facts);
    sink.endRun();
  }
}
