import dev.migsafe.Migsafe;
import dev.migsafe.api.FileResult;
import dev.migsafe.api.Finding;
import dev.migsafe.api.LintResult;
import dev.migsafe.api.StatementResult;
import dev.migsafe.api.TableLock;
import java.nio.file.Path;
import java.util.List;

/**
 * Lints a migration folder through the library API and prints each statement's locks and each
 * finding. Run from the repository root after building the jar:
 *
 * <pre>java -cp target/migsafe.jar examples/api/LintWithTheApi.java examples/lint-flyway/db/migration</pre>
 */
public class LintWithTheApi {
  public static void main(String[] args) {
    Migsafe migsafe = Migsafe.builder().engineVersion(15).build();
    LintResult result = migsafe.lint(List.of(Path.of(args[0])));
    for (FileResult file : result.files()) {
      for (StatementResult st : file.statements()) {
        for (TableLock lock : st.locks()) {
          System.out.printf("%s:%d %s takes %s on %s%n", file.path(), st.line(), st.kind(),
              lock.mode().sqlName(), lock.table());
        }
      }
      for (Finding f : file.findings()) {
        System.out.printf("%s:%d %s %s%n", file.path(), f.line(), f.severity().id(), f.rule());
      }
    }
  }
}
