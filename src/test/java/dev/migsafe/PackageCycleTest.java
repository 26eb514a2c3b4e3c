package dev.migsafe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No two packages under {@code dev.migsafe.internal} depend on each other, directly or through
 * others: a cycle means neither side can be understood, tested or moved alone. Read from the
 * sources rather than the class files so that a reference the compiler inlines (a constant)
 * still counts, and so that the failure names the file that makes each edge.
 */
class PackageCycleTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/migsafe/internal");
  /** An import or a fully qualified use: {@code dev.migsafe.internal.plan.PlanDrl}. */
  private static final Pattern REFERENCE =
      Pattern.compile("\\bdev\\.migsafe\\.internal\\.([a-z][a-z0-9_]*)\\.[A-Z*]");
  /** Comments do not make a dependency; a Javadoc link to another package is not a use. */
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  @Test
  void internalPackagesFormNoCycle() throws IOException {
    Map<String, Map<String, String>> edges = edges(SOURCES);
    assertThat(edges).as("packages read under " + SOURCES).hasSizeGreaterThan(5);
    List<String> cycles = new ArrayList<>();
    for (Set<String> component : stronglyConnected(edges)) {
      if (component.size() > 1) {
        StringBuilder why = new StringBuilder(String.join(" <-> ", component) + ":");
        for (String from : component) {
          edges.get(from).forEach((to, file) -> {
            if (component.contains(to)) {
              why.append("\n    ").append(from).append(" -> ").append(to).append(" (")
                  .append(file).append(')');
            }
          });
        }
        cycles.add(why.toString());
      }
    }
    assertThat(cycles).as("package cycles among dev.migsafe.internal.*").isEmpty();
  }

  @Test
  void aCycleIsFound() {
    Map<String, Map<String, String>> edges = new TreeMap<>();
    edges.put("a", Map.of("b", "A.java"));
    edges.put("b", Map.of("c", "B.java"));
    edges.put("c", Map.of("a", "C.java"));
    edges.put("d", Map.of("a", "D.java"));
    assertThat(stronglyConnected(edges)).filteredOn(c -> c.size() > 1)
        .containsExactly(new TreeSet<>(List.of("a", "b", "c")));
  }

  @Test
  void commentsAndOwnPackageAreNotDependencies() {
    String text = """
        package dev.migsafe.internal.rules;
        import dev.migsafe.internal.rules.RuleBase;
        import dev.migsafe.internal.sql.Operation;
        /** See {@link dev.migsafe.internal.plan.PlanBuilder}. */
        class X { // dev.migsafe.internal.lint.Linter
          Object o = dev.migsafe.internal.locks.PgLockFacts.class;
        }
        """;
    assertThat(referencedPackages(text, "rules")).containsExactly("locks", "sql");
  }

  /** Package to the packages it uses, each with one file that shows the use. */
  private static Map<String, Map<String, String>> edges(Path root) throws IOException {
    Map<String, Map<String, String>> edges = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Path file : files) {
      String pkg = root.relativize(file).getParent() == null ? ""
          : root.relativize(file).getParent().toString().replace('\\', '.').replace('/', '.');
      if (pkg.isEmpty()) {
        continue;
      }
      Map<String, String> out = edges.computeIfAbsent(pkg, k -> new TreeMap<>());
      for (String to : referencedPackages(Files.readString(file, StandardCharsets.UTF_8), pkg)) {
        out.putIfAbsent(to, root.relativize(file).toString());
      }
    }
    return edges;
  }

  private static Set<String> referencedPackages(String source, String ownPackage) {
    Set<String> out = new TreeSet<>();
    Matcher m = REFERENCE.matcher(COMMENT.matcher(source).replaceAll(" "));
    while (m.find()) {
      if (!m.group(1).equals(ownPackage)) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /** Tarjan's strongly connected components, each sorted for a stable message. */
  private static List<Set<String>> stronglyConnected(Map<String, Map<String, String>> edges) {
    Tarjan t = new Tarjan(edges);
    for (String v : edges.keySet()) {
      if (!t.index.containsKey(v)) {
        t.visit(v);
      }
    }
    return t.components;
  }

  private static final class Tarjan {
    final Map<String, Map<String, String>> edges;
    final Map<String, Integer> index = new HashMap<>();
    final Map<String, Integer> low = new HashMap<>();
    final Deque<String> stack = new ArrayDeque<>();
    final Set<String> onStack = new TreeSet<>();
    final List<Set<String>> components = new ArrayList<>();

    Tarjan(Map<String, Map<String, String>> edges) {
      this.edges = edges;
    }

    void visit(String v) {
      index.put(v, index.size());
      low.put(v, index.get(v));
      stack.push(v);
      onStack.add(v);
      for (String w : edges.getOrDefault(v, Map.of()).keySet()) {
        if (!index.containsKey(w)) {
          visit(w);
          low.put(v, Math.min(low.get(v), low.get(w)));
        } else if (onStack.contains(w)) {
          low.put(v, Math.min(low.get(v), index.get(w)));
        }
      }
      if (low.get(v).equals(index.get(v))) {
        Set<String> component = new TreeSet<>();
        String w;
        do {
          w = stack.pop();
          onStack.remove(w);
          component.add(w);
        } while (!w.equals(v));
        components.add(component);
      }
    }
  }
}
