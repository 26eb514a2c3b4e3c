package dev.migsafe.internal.plan;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.internal.rules.RuleBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Loads every YAML file of a library folder on the class path, all problems at once. */
final class LibraryFiles {
  /** Parses one file, adding its problems; returns null when it has any. */
  interface Parser<T> {
    T parse(String fileName, String text, List<String> problems);
  }

  private LibraryFiles() {}

  static <T> Map<String, T> load(String folder, String what, Parser<T> parser,
      Function<T, String> id) {
    List<String> problems = new ArrayList<>();
    Map<String, T> out = new LinkedHashMap<>();
    for (Path p : RuleBase.resourceFiles(folder, ".yaml")) {
      try {
        T item = parser.parse(p.getFileName().toString(),
            Files.readString(p, StandardCharsets.UTF_8), problems);
        if (item != null) {
          out.put(id.apply(item), item);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (!problems.isEmpty()) {
      throw new MigsafeException(MigsafeException.Kind.INTERNAL,
          "the " + what + " library is broken:\n" + String.join("\n", problems));
    }
    return out;
  }
}
