package dev.clusterctl.release;

import dev.clusterctl.erlang.NameMode;
import dev.clusterctl.release.EffectiveFlags.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which of the places that give {@code erl} its flags wins, for the flags clustering depends on.
 * Every rule below was read from the sources named and checked against a real OTP 25.2 VM and the
 * start scripts of a real Elixir 1.14 release (tests run both).
 *
 * <h2>1. The order of the command line</h2>
 * <table>
 *   <caption>How the VM's arguments are put together, first to last</caption>
 *   <tr><th>Launcher</th><th>Arguments, in order</th><th>Source</th></tr>
 *   <tr><td>{@code erl} itself ({@code erlexec})</td>
 *       <td>{@code ERL_AFLAGS}, the command line (each {@code -args_file F} replaced in place by
 *       the words of F), {@code ERL_FLAGS}, {@code ERL_ZFLAGS}</td>
 *       <td>{@code initial_argv_massage} in OTP's {@code erts/etc/common/erlexec.c}</td></tr>
 *   <tr><td>Elixir release, {@code bin/app start}</td>
 *       <td>{@code ELIXIR_ERL_OPTIONS}, {@code -noshell -s elixir start_cli -mode embedded},
 *       {@code -setcookie $RELEASE_COOKIE}, {@code -name|-sname $RELEASE_NODE} (none with
 *       {@code RELEASE_DISTRIBUTION=none}), {@code -config … -boot …},
 *       {@code -args_file releases/VSN/vm.args}, the words after {@code start}</td>
 *       <td>the {@code bin/app} and {@code releases/VSN/elixir} scripts {@code mix release}
 *       writes; {@code ELIXIR_CLI_DRY_RUN=1} prints the line</td></tr>
 *   <tr><td>relx release, {@code bin/app foreground}</td>
 *       <td>{@code -noinput +Bd -boot … -mode … -config …}, {@code -args_file vm.args},
 *       {@code -erl_epmd_port $ERL_DIST_PORT -start_epmd false} (only with {@code ERL_DIST_PORT};
 *       {@code -start_epmd false} only when vm.args has no {@code -start_epmd} line),
 *       {@code --}, the words after {@code foreground}</td>
 *       <td>relx's {@code priv/templates/extended_bin}</td></tr>
 *   <tr><td>{@code elixir}/{@code iex}</td>
 *       <td>{@code ELIXIR_ERL_OPTIONS}, {@code -noshell -s elixir start_cli}, the text of each
 *       {@code --erl}, then {@code --cookie}, {@code --name}/{@code --sname},
 *       {@code --vm-args} as {@code -setcookie}, {@code -name}/{@code -sname},
 *       {@code -args_file} in the order given</td>
 *       <td>Elixir's {@code bin/elixir}</td></tr>
 * </table>
 * Everything after {@code -extra} is not a flag. A {@code --} on the line does not stop flags
 * ({@code erl … -- -name a@h} still names the node).
 *
 * <h2>2. Which occurrence the VM uses</h2>
 * <table>
 *   <caption>When a flag appears more than once on that line</caption>
 *   <tr><th>Flag</th><th>Rule</th><th>Read in</th></tr>
 *   <tr><td>{@code -name}, {@code -sname}</td>
 *       <td>{@code -sname} wins over {@code -name} wherever each is; among several of the same
 *       kind the <b>first</b> wins (the VM logs "Multiple -name given to erl, using the first")</td>
 *       <td>{@code net_kernel} / {@code erl_distribution} (kernel)</td></tr>
 *   <tr><td>{@code -setcookie}</td>
 *       <td>used only when given <b>exactly once</b>; given twice (even with equal text) the VM
 *       ignores both and reads {@code ~/.erlang.cookie} (creating a random one if missing)</td>
 *       <td>{@code auth} (kernel), OTP 25</td></tr>
 *   <tr><td>{@code -erl_epmd_port}</td>
 *       <td>used only when given exactly once; given twice the node falls back to EPMD</td>
 *       <td>{@code erl_epmd} (kernel)</td></tr>
 *   <tr><td>{@code -proto_dist}</td>
 *       <td>used only when given exactly once; given twice the node uses {@code inet_tcp}</td>
 *       <td>{@code net_kernel}</td></tr>
 *   <tr><td>{@code -start_epmd}</td><td>the <b>last</b> one wins</td><td>{@code erlexec.c}</td></tr>
 *   <tr><td>{@code -kernel Key Value}</td>
 *       <td>for one key, the first {@code -kernel} flag that names it wins; inside one flag,
 *       the last pair for the key wins</td><td>{@code application_controller}</td></tr>
 * </table>
 *
 * <h2>3. Naming in the release scripts</h2>
 * <table>
 *   <caption>Where each start script takes the node name and cookie from</caption>
 *   <tr><th>Release</th><th>Name</th><th>Cookie</th></tr>
 *   <tr><td>Elixir</td>
 *       <td>{@code RELEASE_DISTRIBUTION} ({@code sname} by default; {@code name}; {@code none};
 *       anything else stops the script) and {@code RELEASE_NODE} (default {@code $RELEASE_NAME},
 *       itself the release name unless set), after {@code env.sh} (rendered from
 *       {@code rel/env.sh.eex} at build time) is sourced. A {@code -name} in vm.args comes later
 *       on the line and loses to {@code RELEASE_NODE}; an {@code -sname} there wins over it.
 *       vm.args is rendered from {@code rel/vm.args.eex} at build time: no {@code ${VAR}} is
 *       replaced at start.</td>
 *       <td>{@code RELEASE_COOKIE}, else the {@code releases/COOKIE} file written at build
 *       time; always passed, so any other {@code -setcookie} (vm.args, {@code ERL_FLAGS}) makes
 *       two and the VM falls back to {@code ~/.erlang.cookie}</td></tr>
 *   <tr><td>relx</td>
 *       <td>exactly one {@code -name} or {@code -sname} line in vm.args (and the files it
 *       {@code -args_file}s), else the script stops. {@code vm.args.src} is always rendered
 *       ({@code ${VAR}}, {@code ${VAR:-default}}; unset is empty), {@code vm.args} only with
 *       {@code RELX_REPLACE_OS_VARS}; {@code VMARGS_PATH} picks another file. {@code NAME} and
 *       {@code NAME_TYPE} are computed by the script from that line (an environment value is
 *       overwritten) and serve only its own remote commands.</td>
 *       <td>{@code -setcookie} in vm.args, else {@code ~/.erlang.cookie}. {@code RELX_COOKIE}
 *       is used by the script's {@code remote}/{@code rpc} commands only, never given to the
 *       node.</td></tr>
 * </table>
 */
public final class FlagPrecedence {

  private FlagPrecedence() {}

  /**
   * Concatenates the flags of each place in the order {@code erlexec} reads them:
   * {@code ERL_AFLAGS}, the command line, {@code ERL_FLAGS}, {@code ERL_ZFLAGS}.
   */
  public static List<ErlFlag> erlexecOrder(List<ErlFlag> aflags, List<ErlFlag> commandLine, List<ErlFlag> flags, List<ErlFlag> zflags) {
    List<ErlFlag> all = new ArrayList<>(aflags);
    all.addAll(commandLine);
    all.addAll(flags);
    all.addAll(zflags);
    return all;
  }

  /** Applies the rules of section 2 to flags given in command-line order. */
  public static EffectiveFlags resolve(List<ErlFlag> inOrder) {
    List<String> warnings = new ArrayList<>();
    List<ErlFlag> names = inOrder.stream().filter(f -> f.name().equals("-name")).toList();
    List<ErlFlag> snames = inOrder.stream().filter(f -> f.name().equals("-sname")).toList();
    Optional<EffectiveFlags.NodeName> node = Optional.empty();
    List<ErlFlag> shadowed = new ArrayList<>();
    if (!snames.isEmpty()) {
      ErlFlag w = snames.get(0);
      node = Optional.of(new EffectiveFlags.NodeName(NameMode.SHORT, w.arg(), w.origin()));
      for (ErlFlag f : names) {
        shadowed.add(f);
        warnings.add("-name at " + f.origin() + " is ignored: -sname at " + w.origin() + " wins over -name");
      }
      for (ErlFlag f : snames.subList(1, snames.size())) {
        shadowed.add(f);
        warnings.add("-sname at " + f.origin() + " is ignored: the VM uses the first -sname, at " + w.origin());
      }
    } else if (!names.isEmpty()) {
      ErlFlag w = names.get(0);
      node = Optional.of(new EffectiveFlags.NodeName(NameMode.LONG, w.arg(), w.origin()));
      for (ErlFlag f : names.subList(1, names.size())) {
        shadowed.add(f);
        warnings.add("-name at " + f.origin() + " is ignored: the VM uses the first -name, at " + w.origin());
      }
    }

    List<CookieValue> cookies = inOrder.stream().filter(f -> f.cookie() != null).map(ErlFlag::cookie).toList();
    EffectiveFlags.Cookie cookie;
    if (cookies.isEmpty()) {
      cookie = new EffectiveFlags.Cookie(EffectiveFlags.CookieRule.HOME_FILE, Optional.empty(), cookies);
    } else if (cookies.size() == 1) {
      cookie = new EffectiveFlags.Cookie(EffectiveFlags.CookieRule.FLAG, Optional.of(cookies.get(0)), cookies);
    } else {
      cookie = new EffectiveFlags.Cookie(EffectiveFlags.CookieRule.HOME_FILE_AFTER_CONFLICT, Optional.empty(), cookies);
      warnings.add("-setcookie is given " + cookies.size() + " times (" + cookies.stream().map(c -> c.origin().toString())
          .reduce((a, b) -> a + ", " + b).orElse("") + "): the VM then uses none of them and reads ~/.erlang.cookie");
    }

    Optional<Setting> epmdPort = once(inOrder, "-erl_epmd_port", warnings,
        "the node then ignores them all and registers with EPMD");
    Optional<Setting> protoDist = once(inOrder, "-proto_dist", warnings, "the node then uses inet_tcp");
    Optional<Setting> startEpmd = Optional.empty();
    for (ErlFlag f : inOrder) {
      if (f.name().equals("-start_epmd") && !f.args().isEmpty()) {
        startEpmd = Optional.of(new Setting(f.arg(), f.origin()));
      }
    }
    return new EffectiveFlags(node, shadowed, cookie, epmdPort, protoDist, startEpmd,
        kernel(inOrder, "inet_dist_listen_min"), kernel(inOrder, "inet_dist_listen_max"), inOrder, warnings);
  }

  private static Optional<Setting> once(List<ErlFlag> flags, String name, List<String> warnings, String consequence) {
    List<ErlFlag> all = flags.stream().filter(f -> f.name().equals(name) && !f.args().isEmpty()).toList();
    if (all.size() == 1) {
      return Optional.of(new Setting(all.get(0).arg(), all.get(0).origin()));
    }
    if (all.size() > 1) {
      warnings.add(name + " is given " + all.size() + " times (" + all.stream().map(f -> f.origin().toString())
          .reduce((a, b) -> a + ", " + b).orElse("") + "): " + consequence);
    }
    return Optional.empty();
  }

  /** The value of {@code -kernel key}: the first flag naming the key, its last pair. */
  static Optional<Setting> kernel(List<ErlFlag> flags, String key) {
    for (ErlFlag f : flags) {
      if (!f.name().equals("-kernel")) {
        continue;
      }
      Setting found = null;
      for (int k = 0; k + 1 < f.args().size(); k += 2) {
        if (f.args().get(k).known().orElse("").equals(key)) {
          found = new Setting(f.args().get(k + 1), f.origin());
        }
      }
      if (found != null) {
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }
}
