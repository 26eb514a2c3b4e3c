package dev.migsafe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.migsafe.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code examples/<name>/example.yaml} through the command line and compares the
 * output with {@code expected-output.txt} beside it ({@code -Dmigsafe.golden.update=true}
 * rewrites it).
 */
class ExamplesTest {
  /** An example: the arguments after {@code migsafe} and the exit code they must give. */
  record Example(List<String> args, int exitCode) {}

  @TestFactory
  Stream<DynamicTest> examplesPrintTheirExpectedOutput() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try (Stream<Path> dirs = Files.list(Path.of("examples"))) {
      return dirs.filter(d -> Files.exists(d.resolve("example.yaml"))).sorted().toList().stream()
          .map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> {
            Example ex = yaml.readValue(d.resolve("example.yaml").toFile(), Example.class);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.run(new PrintWriter(out), new PrintWriter(err),
                ex.args().toArray(String[]::new));
            Path expected = d.resolve("expected-output.txt");
            if (Boolean.getBoolean("migsafe.golden.update")) {
              Files.writeString(expected, out.toString());
            }
            assertThat(err.toString()).isEmpty();
            assertThat(exit).isEqualTo(ex.exitCode());
            assertThat(out.toString()).isEqualTo(Files.readString(expected));
          }));
    }
  }
}
