package dev.clusterctl.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterctl.cli.Cli;
import dev.clusterctl.cli.exit.ExitCode;
import dev.clusterctl.cli.schema.JsonSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code doctor --fix DIR} from the command line: what is written, what is said on stderr, the
 * exit codes, and a fix that is a choice ({@code --choose N}).
 */
class DoctorFixCommandTest {

  private static final Path REPO = Path.of(System.getProperty("clusterctl.repo", ".."));
  private static final Path NO_SUBDOMAIN = REPO.resolve("docs/examples/broken/srv-no-subdomain");
  private static final Path TWO_WORKLOADS = REPO.resolve("core/src/test/resources/setups/broken-multi-workload-basename-mismatch");

  @TempDir
  Path tmp;

  private static Cli.Result twoWorkloads(String... more) {
    String[] args = new String[5 + more.length];
    System.arraycopy(new String[] {"doctor", "-f", TWO_WORKLOADS.resolve("k8s").toString(), "--release-dir", TWO_WORKLOADS.toString()}, 0, args, 0, 5);
    System.arraycopy(more, 0, args, 5, more.length);
    return Cli.run(args);
  }

  @Test
  void aPlanIsWrittenAndTheLineSaysHowToApplyAndJudgeIt() {
    Path out = tmp.resolve("fix");
    Cli.Result r = Cli.run("doctor", "-f", NO_SUBDOMAIN.toString(), "--fix", out.toString());
    assertThat(r.exit()).as("the report's verdict: checks fail as configured").isEqualTo(ExitCode.PROBLEM.code());
    assertThat(r.out()).contains("Fix  checked: with this change every check passes");
    assertThat(r.err()).startsWith("--fix " + out + ": wrote ").contains("kubectl apply -k " + out).endsWith("judges the fixed set-up\n");
    assertThat(out.resolve("kustomization.yaml")).exists();
    assertThat(Cli.run("doctor", "-f", out.resolve("rendered").toString()).exit()).isZero();
  }

  @Test
  void aNonEmptyDirectoryIsOneLineAndExitTwoWithNothingPrintedAsAVerdict() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("taken"));
    Files.writeString(out.resolve("mine.txt"), "keep");
    Cli.Result r = Cli.run("doctor", "-f", NO_SUBDOMAIN.toString(), "--fix", out.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).doesNotContain("\n").contains("the directory is not empty (give --force to write into it)");
    assertThat(Cli.run("doctor", "-f", NO_SUBDOMAIN.toString(), "--fix", out.toString(), "--force").exit()).isEqualTo(1);
    assertThat(out.resolve("mine.txt")).hasContent("keep");
  }

  @Test
  void aChoiceIsListedAndNothingIsWrittenUntilOneIsChosen() {
    Path out = tmp.resolve("choice");
    Cli.Result r = twoWorkloads("--fix", out.toString());
    assertThat(r.exit()).isEqualTo(ExitCode.PROBLEM.code());
    assertThat(r.out()).contains("Fix  a choice only you can make: which workloads form the cluster behind Service/shop/shop-cluster")
        .contains("Option 1: one cluster of every workload under the basename shop_web").contains("Option 2: a cluster of Deployment/shop/shop-web alone");
    assertThat(r.err().strip()).doesNotContain("\n").contains("nothing written").contains("give --choose N");
    assertThat(out).doesNotExist();

    Cli.Result chosen = twoWorkloads("--fix", out.toString(), "--choose", "2");
    assertThat(chosen.exit()).isEqualTo(ExitCode.PROBLEM.code());
    assertThat(chosen.err()).contains("(option 2: a cluster of Deployment/shop/shop-web alone");
    assertThat(Cli.run("doctor", "-f", out.resolve("rendered").toString()).exit()).isZero();
  }

  @Test
  void aChoiceOutOfRangeOrWithoutAChoiceOrWithoutFixIsBadUsage() {
    Cli.Result tooFar = twoWorkloads("--fix", tmp.resolve("a").toString(), "--choose", "3");
    assertThat(tooFar.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(tooFar.err().strip()).isEqualTo("clusterctl: --choose 3: the fix has 2 options (1 to 2)");
    assertThat(tooFar.out()).isEmpty();
    assertThat(tmp.resolve("a")).doesNotExist();

    Cli.Result onePlan = Cli.run("doctor", "-f", NO_SUBDOMAIN.toString(), "--fix", tmp.resolve("b").toString(), "--choose", "1");
    assertThat(onePlan.exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(onePlan.err()).contains("the fix is one plan, not a choice between options");

    assertThat(twoWorkloads("--choose", "1").exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(twoWorkloads("--fix", tmp.resolve("c").toString(), "--choose", "0").err()).contains("options are numbered from 1");
  }

  @Test
  void theChoiceAsJsonFollowsTheSchema() throws Exception {
    Cli.Result r = twoWorkloads("-o", "json");
    JsonSchemas.doctor().check("doctor -o json with a choice", r.out());
    JsonNode fix = new ObjectMapper().readTree(r.out()).get("fix");
    assertThat(fix.get("verified").asBoolean()).isTrue();
    assertThat(fix.get("changes")).isEmpty();
    assertThat(fix.get("choice").asText()).startsWith("which workloads form the cluster");
    assertThat(fix.get("options")).hasSize(2);
    assertThat(fix.get("options").get(1).get("changes").get(0).get("path").asText()).isEqualTo("spec.selector");

    Cli.Result one = Cli.run("doctor", "-f", NO_SUBDOMAIN.toString(), "-o", "json");
    JsonSchemas.doctor().check("doctor -o json with one plan", one.out());
    JsonNode plan = new ObjectMapper().readTree(one.out()).get("fix");
    assertThat(plan.get("choice").isNull()).isTrue();
    assertThat(plan.get("options")).isEmpty();
  }
}
