import dev.clusterctl.doctor.Doctor;
import dev.clusterctl.doctor.DoctorOptions;
import dev.clusterctl.gather.ApiInputs;
import dev.clusterctl.gather.ApiSource;
import dev.clusterctl.gather.DnsWhere;
import dev.clusterctl.gather.KubeApi;
import dev.clusterctl.judge.CheckRegistry;
import dev.clusterctl.model.TargetOptions;
import dev.clusterctl.report.Report;
import dev.clusterctl.testing.MockCluster;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The doctor against fabric8's mock API server holding the srv-deployment example with N pods
 * (and their EndpointSlice): wall and CPU time per run, API requests per run, heap after the run
 * and peak heap. Run with bench/doctor-api.sh.
 */
public class DoctorApiBench {

  public static void main(String[] args) {
    Logger.getLogger("").setLevel(Level.WARNING);
    Logger.getLogger("io.fabric8.mockwebserver").setLevel(Level.OFF);
    int pods = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path example = Path.of("docs/examples/srv-deployment");
    ApiInputs in = new ApiInputs(Optional.of(example.resolve("config/sys.config").toString()), Optional.of(example.resolve("config/vm.args.src").toString()),
        false, 8, DnsWhere.none(), (d, t) -> { });
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    try (MockCluster c = MockCluster.start()) {
      long t0 = System.nanoTime();
      c.apply(example);
      c.runControllers(pods);
      c.corednsPods(Instant.parse("2026-11-21T09:00:00Z"));
      System.out.printf("loaded %d pods into the mock API in %.1f s%n", pods, (System.nanoTime() - t0) / 1e9);
      for (int i = 1; i <= runs; i++) {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        System.gc();
        int before = c.server().getRequestCount();
        long cpu0 = cpu.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        Report r = Doctor.diagnose(ApiSource.of(new KubeApi(c.client(), "payments"), in), new DoctorOptions(TargetOptions.none(), CheckRegistry.standard().all()));
        long wall = System.nanoTime() - w0;
        long thread = cpu.getCurrentThreadCpuTime() - cpu0;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        String fqdn = r.results().stream().filter(x -> x.id().equals("pod-fqdn")).findFirst().orElseThrow().message();
        System.out.printf("run %d: wall %.2f s, doctor thread CPU %.2f s, %d API requests, peak heap %d MiB  [%s]%n",
            i, wall / 1e9, thread / 1e9, c.server().getRequestCount() - before, peak >> 20, fqdn);
      }
    }
  }
}
