package dev.clusterctl.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's shape, checked on every build: packages follow the flow gather → model → expect →
 * observe → judge → report → doctor, each depending only on those before it and on the leaf
 * packages (parsers, the DNS client, the Erlang and Kubernetes readers, the discovery libraries);
 * no package cycle anywhere; no terminal or command-line code.
 */
class ArchitectureTest {

  private static final String[] LEAVES = {
    "dev.clusterctl.error..", "dev.clusterctl.dns..", "dev.clusterctl.coredns..", "dev.clusterctl.erlang..", "dev.clusterctl.kube..",
    "dev.clusterctl.discovery..", "dev.clusterctl.elixir..", "dev.clusterctl.release..", "dev.clusterctl.time..", "dev.clusterctl.fix.."
  };

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.clusterctl");
  }

  @Test
  void packagesFollowTheFlow() {
    layeredArchitecture()
        .consideringOnlyDependenciesInAnyPackage("dev.clusterctl..")
        .withOptionalLayers(true)
        .layer("leaves").definedBy(LEAVES)
        .layer("join").definedBy("dev.clusterctl.watch..")
        .layer("gather").definedBy("dev.clusterctl.gather..")
        .layer("model").definedBy("dev.clusterctl.model..")
        .layer("expect").definedBy("dev.clusterctl.expect..")
        .layer("observe").definedBy("dev.clusterctl.observe..")
        .layer("judge").definedBy("dev.clusterctl.judge..")
        .layer("report").definedBy("dev.clusterctl.report..")
        .layer("doctor").definedBy("dev.clusterctl.doctor..")
        .whereLayer("doctor").mayNotBeAccessedByAnyLayer()
        .whereLayer("join").mayNotBeAccessedByAnyLayer()
        .whereLayer("report").mayOnlyBeAccessedByLayers("doctor")
        .whereLayer("judge").mayOnlyBeAccessedByLayers("report", "doctor")
        .whereLayer("observe").mayOnlyBeAccessedByLayers("judge", "report", "doctor")
        .whereLayer("expect").mayOnlyBeAccessedByLayers("observe", "judge", "report", "doctor")
        .whereLayer("model").mayOnlyBeAccessedByLayers("expect", "observe", "judge", "report", "doctor")
        .whereLayer("gather").mayOnlyBeAccessedByLayers("model", "expect", "observe", "judge", "report", "doctor")
        .check(core);
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.clusterctl.(**)").should().beFreeOfCycles().check(core);
  }

  @Test
  void noTerminalOrCommandLineCode() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.jline..").check(core);
  }

  @Test
  void noExitOutsideTheCommandLine() {
    noClasses().should().callMethod(System.class, "exit", int.class).check(core);
  }
}
