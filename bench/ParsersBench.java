import dev.clusterctl.coredns.Corefile;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Consumer;

/**
 * Parse speed of the input parsers on large synthetic files (real ones are a few kB).
 * Reports thread CPU time as well as wall time: on a shared machine wall time mostly measures the
 * neighbours. Run with bench/parsers.sh.
 */
public class ParsersBench {

  public static void main(String[] args) {
    StringBuilder sys = new StringBuilder("[\n");
    for (int i = 0; i < 20_000; i++) {
      sys.append(" {app").append(i).append(", [{key, \"value-").append(i)
          .append("\"}, {n, 16#FF}, {m, #{a => [1.5, <<\"b\">>]}}]},\n");
    }
    sys.append(" {gen_cluster, [{discovery, {dns, #{domain => \"svc.ns\", record_type => srv}}}]}\n].\n");
    StringBuilder core = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      core.append("zone").append(i).append(".example:53 {\n  kubernetes zone").append(i)
          .append(".example {\n    pods insecure\n    ttl 30\n  }\n  cache 30\n  reload\n}\n");
    }
    StringBuilder vm = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      vm.append("-myapp key").append(i).append(" \"value ").append(i).append("\" # comment\n");
    }
    for (int round = 1; round <= 5; round++) {
      System.out.printf("round %d:%n", round);
      time("sys.config", sys.toString(), t -> SysConfig.parse(t, "bench.config"));
      time("Corefile", core.toString(), t -> Corefile.parse(t, "bench"));
      time("vm.args", vm.toString(), t -> VmArgs.parse(t, "bench.vm.args"));
    }
  }

  private static void time(String what, String text, Consumer<String> parse) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long cpu0 = mx.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    parse.accept(text);
    long wall = (System.nanoTime() - wall0) / 1_000_000;
    long cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
    System.out.printf("  %-10s %6.2f MB  cpu %5d ms  wall %5d ms%n", what, text.length() / 1e6, cpu, wall);
  }
}
