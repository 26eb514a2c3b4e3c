package dev.migsafe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of STYLE.md, checked on the compiled classes. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.migsafe");
  }

  @Test
  void apiDoesNotDependOnInternal() {
    noClasses().that().resideInAPackage("dev.migsafe.api..")
        .should().dependOnClassesThat().resideInAPackage("dev.migsafe.internal..")
        .check(classes);
  }

  @Test
  void cliGoesThroughTheFacadeForAnalysis() {
    noClasses().that().resideInAPackage("dev.migsafe.cli..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.migsafe.internal.lint..",
            "dev.migsafe.internal.rules..", "dev.migsafe.internal.sql..",
            "dev.migsafe.internal.schema..", "dev.migsafe.internal.locks..")
        .check(classes);
  }

  @Test
  void nothingButTheCliDependsOnTheCli() {
    noClasses().that().resideOutsideOfPackage("dev.migsafe.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.migsafe.cli..")
        .check(classes);
  }

  @Test
  void theLibraryNeverPrintsNorExits() {
    // RuleModelGenerator is a build step run by Maven (exec plugin), not library code.
    noClasses().that().resideOutsideOfPackage("dev.migsafe.cli..")
        .and().doNotHaveSimpleName("RuleModelGenerator")
        .should().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .orShould().callMethod(System.class, "exit", int.class)
        .check(classes);
  }
}
