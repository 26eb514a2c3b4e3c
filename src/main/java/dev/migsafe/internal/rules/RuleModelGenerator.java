package dev.migsafe.internal.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

/**
 * Build step, run by Maven in {@code process-classes} (see {@code pom.xml}): compiles every
 * {@code .drl} under {@code migsafe/rules/} in the compiled classes folder into the Drools
 * executable model and writes the generated classes next to the project's own, with an index
 * ({@link RuleModelIndex}) that {@link RuleBase} loads at run time. Compiling DRL costs about a
 * second at every start; loading the generated model a fifth of that.
 *
 * <p>The generated classes call the fact classes' getters directly, so the model is rebuilt
 * whenever a DRL file or any compiled class changes; otherwise this step only checks the
 * fingerprint and stops. A DRL error fails the build with every message.
 */
public final class RuleModelGenerator {
  private RuleModelGenerator() {}

  /** {@code args[0]}: the compiled classes folder, e.g. {@code target/classes}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: RuleModelGenerator CLASSES_DIR");
      System.exit(2);
    }
    List<String> errors = generate(Path.of(args[0]));
    if (!errors.isEmpty()) {
      System.err.println("migsafe: the rule base does not compile:");
      errors.forEach(e -> System.err.println("  " + e));
      System.exit(1);
    }
  }

  /** Generates the model into {@code classes} unless it is up to date; returns DRL errors. */
  public static List<String> generate(Path classes) throws IOException {
    // The same DRL RuleBase assembles at run time: the rule files plus plan's recipe
    // selection, so lint and plan share one knowledge base.
    Map<String, String> drl = readDrl(classes.resolve(RuleBase.ROOT));
    readDrl(classes.resolve(RuleBase.RECIPE_SELECTION)).forEach((rel, text) ->
        drl.put(RuleBase.RECIPE_SELECTION_PREFIX + rel, text));
    Path indexFile = classes.resolve(RuleModelIndex.RESOURCE);
    RuleModelIndex previous = Files.isRegularFile(indexFile)
        ? RuleModelIndex.parse(Files.readString(indexFile, StandardCharsets.UTF_8)) : null;
    Set<String> previouslyGenerated = previous == null ? Set.of() : previous.generatedFiles();
    String inputs = inputsFingerprint(classes, drl, previouslyGenerated);
    if (previous != null && previous.inputsFingerprint().equals(inputs)
        && previouslyGenerated.stream().allMatch(f -> Files.isRegularFile(classes.resolve(f)))) {
      System.out.println("migsafe: executable rule model is up to date (" + drl.size()
          + " DRL files)");
      return List.of();
    }
    long start = System.nanoTime();
    for (String f : previouslyGenerated) {
      Files.deleteIfExists(classes.resolve(f));
    }
    Files.deleteIfExists(indexFile);

    KieServices ks = KieServices.get();
    KieFileSystem kfs = ks.newKieFileSystem();
    drl.forEach((rel, text) -> kfs.write("src/main/resources/" + RuleBase.ROOT + "/" + rel, text));
    KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
    List<String> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
        .map(m -> m.getPath() + ":" + m.getLine() + ": " + m.getText()).toList();
    if (!errors.isEmpty()) {
      return errors;
    }
    InternalKieModule module = (InternalKieModule) builder.getKieModule();
    List<String> models = new ArrayList<>();
    Set<String> generated = new TreeSet<>();
    for (String name : module.getFileNames()) {
      if (name.endsWith("/drools-model")) {
        // "Drools-Model-Version:..." then one model class name per line.
        for (String line : new String(module.getBytes(name), StandardCharsets.UTF_8).split("\n")) {
          if (!line.isBlank() && !line.contains(":")) {
            models.add(line.strip());
          }
        }
      } else if (name.endsWith(".class") && !name.startsWith("org/drools/project/model/")) {
        // The project-model class only serves kmodule.xml loading, which migsafe does not use.
        Path target = classes.resolve(name);
        Files.createDirectories(target.getParent());
        Files.write(target, module.getBytes(name));
        generated.add(name);
      }
    }
    if (models.isEmpty() && !drl.isEmpty()) {
      throw new IllegalStateException("Drools generated no model class for " + drl.keySet());
    }
    models.sort(null);
    RuleModelIndex index = new RuleModelIndex(models, RuleModelIndex.drlFingerprint(drl), inputs,
        generated);
    Files.createDirectories(indexFile.getParent());
    Files.writeString(indexFile, index.format(), StandardCharsets.UTF_8);
    System.out.printf("migsafe: generated the executable rule model from %d DRL files in %d ms%n",
        drl.size(), (System.nanoTime() - start) / 1_000_000);
    return List.of();
  }

  /** DRL text by path relative to the rules folder, with '/' separators, sorted. */
  static Map<String, String> readDrl(Path rulesRoot) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(rulesRoot)) {
      return out;
    }
    try (Stream<Path> s = Files.walk(rulesRoot)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".drl")).toList()) {
        out.put(rulesRoot.relativize(p).toString().replace('\\', '/'),
            Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /**
   * DRL plus every compiled class the generated code may call, minus the generated classes
   * themselves, plus the Drools version that generated them.
   */
  private static String inputsFingerprint(Path classes, Map<String, String> drl,
      Set<String> generated) throws IOException {
    MessageDigest digest = RuleModelIndex.sha256();
    digest.update(RuleModelIndex.drlFingerprint(drl).getBytes(StandardCharsets.UTF_8));
    digest.update(String.valueOf(KieServices.class.getPackage().getImplementationVersion())
        .getBytes(StandardCharsets.UTF_8));
    List<Path> files;
    try (Stream<Path> s = Files.walk(classes)) {
      files = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
    for (Path p : files) {
      String rel = classes.relativize(p).toString().replace('\\', '/');
      if (generated.contains(rel)) {
        continue;
      }
      digest.update(rel.getBytes(StandardCharsets.UTF_8));
      digest.update(Files.readAllBytes(p));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

}
