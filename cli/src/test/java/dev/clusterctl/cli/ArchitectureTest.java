package dev.clusterctl.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cli's shape, checked on every build (pmd-cli over pmd-core is the model): {@code Main} alone
 * in the root package assembles the commands; a command turns options into a core request and
 * hands core's answer to a renderer; options, renderers, exit handling and the terminal know no
 * command, and no package depends on another in a cycle.
 *
 * <p>Allowed: Main → command, terminal; command → shell, completion, option, render, terminal;
 * shell → completion; everyone → exit.
 */
class ArchitectureTest {

  private static JavaClasses cli;

  @BeforeAll
  static void importCli() {
    cli = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.clusterctl.cli");
  }

  @Test
  void onlyMainInTheRootPackage() {
    classes().that().resideInAPackage("dev.clusterctl.cli").should().haveFullyQualifiedName(Main.class.getName())
        .because("the root package only assembles the commands").check(cli);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.clusterctl.(**)").should().beFreeOfCycles().check(cli);
  }

  @Test
  void packagesInLayers() {
    layeredArchitecture()
        .consideringOnlyDependenciesInAnyPackage("dev.clusterctl.cli..")
        .layer("main").definedBy("dev.clusterctl.cli")
        .layer("commands").definedBy("dev.clusterctl.cli.command..")
        .layer("shell").definedBy("dev.clusterctl.cli.shell..")
        .layer("completion").definedBy("dev.clusterctl.cli.completion..")
        .layer("options").definedBy("dev.clusterctl.cli.option..")
        .layer("rendering").definedBy("dev.clusterctl.cli.render..")
        .layer("terminal").definedBy("dev.clusterctl.cli.terminal..")
        .layer("exit").definedBy("dev.clusterctl.cli.exit..")
        .whereLayer("main").mayNotBeAccessedByAnyLayer()
        .whereLayer("commands").mayOnlyBeAccessedByLayers("main")
        .whereLayer("shell").mayOnlyBeAccessedByLayers("commands")
        .whereLayer("completion").mayOnlyBeAccessedByLayers("commands", "shell")
        .whereLayer("options").mayOnlyBeAccessedByLayers("commands")
        .whereLayer("rendering").mayOnlyBeAccessedByLayers("commands")
        .whereLayer("terminal").mayOnlyBeAccessedByLayers("main", "commands")
        .check(cli);
  }

  @Test
  void renderersOfOneCommandDoNotUseAnothersRenderers() {
    for (String command : new String[] {"doctor", "resolve", "join"}) {
      for (String other : new String[] {"doctor", "resolve", "join"}) {
        if (!other.equals(command)) {
          noClasses().that().resideInAPackage("dev.clusterctl.cli.render." + command + "..")
              .should().dependOnClassesThat().resideInAPackage("dev.clusterctl.cli.render." + other + "..")
              .check(cli);
        }
      }
    }
  }

  @Test
  void onlyMainExitsTheJvm() {
    noClasses().that().doNotHaveFullyQualifiedName(Main.class.getName())
        .should().callMethod(System.class, "exit", int.class).check(cli);
  }
}
