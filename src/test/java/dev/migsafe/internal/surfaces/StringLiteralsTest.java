package dev.migsafe.internal.surfaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link StringLiterals#containing} asks the tree only where a word stands: it must give every
 * literal of {@link StringLiterals#of} whose text holds the word, and nothing else but
 * literals of it. Checked over every source file of the surfaces fixtures (eight languages),
 * for words taken from the files' own strings.
 */
class StringLiteralsTest {
  private static final Pattern WORD = Pattern.compile("[a-z_]{4,}");

  @Test
  void theLiteralsWhereAWordStandsAreThoseOfTheWholeFileThatHoldIt() throws IOException {
    int checked = 0;
    for (Path file : sources()) {
      SourceLanguage language = SourceLanguage.of(file.getFileName().toString());
      String source = Files.readString(file, StandardCharsets.UTF_8);
      String lower = source.toLowerCase(Locale.ROOT);
      List<StringLiterals.Literal> all = StringLiterals.of(language, source);
      for (String word : wordsOf(all)) {
        List<StringLiterals.Literal> holding = all.stream()
            .filter(l -> l.text().toLowerCase(Locale.ROOT).contains(word)).toList();
        List<StringLiterals.Literal> found =
            StringLiterals.containing(language, source, lower, List.of(word));
        assertThat(found).as("%s: %s", file, word).containsAll(holding);
        assertThat(all).as("%s: %s", file, word).containsAll(found);
        assertThat(found).as("%s: %s", file, word).doesNotHaveDuplicates();
        checked += holding.size();
      }
      assertThat(StringLiterals.containing(language, source, lower, List.of("zqxjvw")))
          .isEmpty();
    }
    assertThat(checked).as("literals compared").isGreaterThan(200);
  }

  @Test
  void aJoinIsReadWholeFromAnyOfItsStrings() {
    String source = "const q = \"SELECT title \" +\n  \"FROM documents \" +\n  \"WHERE id = $1\";\n"
        + "const other = \"documents are nice\";\n";
    List<StringLiterals.Literal> found = StringLiterals.containing(SourceLanguage.TYPESCRIPT,
        source, source.toLowerCase(Locale.ROOT), List.of("documents"));
    assertThat(found).extracting(StringLiterals.Literal::text)
        .containsExactly("SELECT title FROM documents WHERE id = $1", "documents are nice");
    assertThat(found.get(0).line()).isEqualTo(1);
  }

  private static Set<String> wordsOf(List<StringLiterals.Literal> literals) {
    Set<String> words = new LinkedHashSet<>();
    for (StringLiterals.Literal l : literals) {
      Matcher m = WORD.matcher(l.text().toLowerCase(Locale.ROOT));
      if (m.find()) {
        words.add(m.group());
      }
      if (words.size() == 6) {
        break;
      }
    }
    return words;
  }

  private static List<Path> sources() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/surfaces"))) {
      files.filter(Files::isRegularFile)
          .filter(f -> SourceLanguage.of(f.getFileName().toString()) != null)
          .sorted().forEach(out::add);
    }
    return out;
  }
}
