package dev.clusterctl.judge;

import dev.clusterctl.expect.ExamplePod;
import java.util.LinkedHashSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The fixed distribution port, as the release script would set it: {@code ERL_DIST_PORT} in the
 * environment (relx: {@code -erl_epmd_port P -start_epmd false}) or vm.args/sys.config.
 *
 * @param envValues the distinct {@code ERL_DIST_PORT} values of the example pods (empty when unset)
 * @param vmArgs the port vm.args/sys.config fix, if any
 * @param vmArgsOrigin where vm.args/sys.config fix it
 */
record DistPorts(Set<String> envValues, OptionalInt vmArgs, String vmArgsOrigin) {

  static final String ENV = "ERL_DIST_PORT";

  static DistPorts of(DoctorContext ctx) {
    Set<String> values = new LinkedHashSet<>();
    for (ExamplePod p : ctx.sim().pods()) {
      String v = p.env().get(ENV);
      if (v != null) {
        values.add(v);
      }
    }
    return new DistPorts(values, ctx.model().release().vmArgsDistPort(), ctx.model().release().distPortOrigin());
  }

  /** The one fixed port, when the settings agree on a number. */
  OptionalInt port() {
    if (envValues.size() == 1) {
      try {
        return OptionalInt.of(Integer.parseInt(envValues.iterator().next().trim()));
      } catch (NumberFormatException e) {
        return OptionalInt.empty();
      }
    }
    return envValues.isEmpty() ? vmArgs : OptionalInt.empty();
  }

  /** Where {@link #port()} comes from. */
  String origin() {
    return envValues.isEmpty() ? vmArgsOrigin : "env " + ENV;
  }
}
