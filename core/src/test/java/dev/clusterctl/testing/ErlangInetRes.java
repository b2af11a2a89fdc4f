package dev.clusterctl.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Asks a real Erlang VM ({@code erl -noshell}) what {@code inet_res:getbyname/2} returns, as a
 * discovery library running in that VM would see it: the answers of one name and type, IP
 * addresses written by {@code inet:ntoa/1}, SRV targets as Erlang gives them (no trailing dot).
 *
 * <p>The VM's resolver is configured like a pod's: only DNS, the given server and port (inet_res
 * does not read a port from resolv.conf), and the given search list.
 */
public final class ErlangInetRes {

  /** What Erlang returned for one query: the answers, or the error reason. */
  public record Answer(List<String> values, String error) {}

  /**
   * What one {@code inet_res:resolve/4} call returned and how long it took.
   *
   * @param outcome {@code ok} or the error reason ({@code timeout}, {@code refused}, {@code noquery}…)
   * @param answers the data of the answer records, as Erlang prints them ({@code ~p})
   * @param millis how long the call took, measured in the VM
   */
  public record Resolved(String outcome, List<String> answers, long millis) {}

  /**
   * A {@code hostent} as {@code inet_res:getbyname/2} returns it, or its error.
   *
   * @param name {@code h_name}
   * @param aliases {@code h_aliases}
   * @param values {@code h_addr_list}, each written with {@code ~p}
   * @param error the error reason when the call failed ({@code null} on success)
   */
  public record HostEnt(String name, List<String> aliases, List<String> values, String error) {}

  /** The value of each resolver option in {@code names} ({@code inet_db:res_option/1}), after reading {@code resolvConf}. */
  public static Map<String, String> options(Path resolvConf, List<String> names) {
    StringBuilder eval = new StringBuilder("inet_db:set_resolv_conf(\"").append(resolvConf).append("\"), ");
    for (String n : names) {
      eval.append("io:format(\"opt ").append(n).append(" ~w~n\", [inet_db:res_option(").append(n).append(")]), ");
    }
    eval.append("ok.");
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : run(eval.toString()).split("\n")) {
      String[] w = line.strip().split(" ", 3);
      if (w.length == 3 && w[0].equals("opt")) {
        out.put(w[1], w[2]);
      }
    }
    return out;
  }

  /**
   * Runs {@code inet_res:resolve(Name, in, Type, [{nameservers, Servers} | Options])} once, with
   * {@code options} written as Erlang terms (e.g. {@code {timeout, 600}}, {@code usevc}).
   */
  public static Resolved resolve(List<InetSocketAddress> servers, String name, String type, List<String> options) {
    String ns = servers.stream()
        .map(s -> "{{" + s.getAddress().getHostAddress().replace('.', ',') + "}, " + s.getPort() + "}")
        .collect(Collectors.joining(", "));
    String opts = String.join(", ", options);
    String eval = "T0 = erlang:monotonic_time(millisecond), "
        + "R = inet_res:resolve(\"" + name + "\", in, " + type + ", [{nameservers, [" + ns + "]}"
        + (opts.isEmpty() ? "" : ", " + opts) + "]), "
        + "T1 = erlang:monotonic_time(millisecond), "
        + "Out = case R of {ok, M} -> ok; {error, {E, _}} -> E; {error, E} -> E end, "
        + "Data = case R of {ok, M2} -> [inet_dns:rr(RR, data) || RR <- inet_dns:msg(M2, anlist)]; _ -> [] end, "
        + "io:format(\"resolved ~w ~w~n\", [Out, T1 - T0]), "
        + "[io:format(\"data ~p~n\", [D]) || D <- Data], ok.";
    String outcome = null;
    long millis = -1;
    List<String> answers = new ArrayList<>();
    String out = run(eval);
    for (String line : out.split("\n")) {
      String[] w = line.strip().split(" ", 3);
      if (w.length == 3 && w[0].equals("resolved")) {
        outcome = w[1];
        millis = Long.parseLong(w[2]);
      } else if (w.length >= 2 && w[0].equals("data")) {
        answers.add(line.strip().substring(5));
      }
    }
    if (outcome == null) {
      throw new IllegalStateException("erl said nothing about " + name + ":\n" + out);
    }
    return new Resolved(outcome, answers, millis);
  }

  /** Runs {@code inet_res:getbyname(Name, Type)} against {@code 127.0.0.1:port} (no search list) and returns the hostent. */
  public static HostEnt hostent(int port, String name, String type) {
    String eval = "inet_db:set_lookup([dns]), inet_db:set_resolv_conf(\"/dev/null\"), "
        + "ok = inet_db:add_ns({127,0,0,1}, " + port + "), "
        + "case inet_res:getbyname(\"" + name + "\", " + type + ") of "
        + "{ok, {hostent, N, As, _, _, L}} -> io:format(\"name ~s~n\", [N]), "
        + "[io:format(\"alias ~s~n\", [A]) || A <- As], [io:format(\"value ~p~n\", [V]) || V <- L]; "
        + "{error, R} -> io:format(\"error ~p~n\", [R]) end, ok.";
    String name0 = null;
    String error = null;
    List<String> aliases = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (String line : run(eval).split("\n")) {
      String l = line.strip();
      if (l.startsWith("name ")) {
        name0 = l.substring(5);
      } else if (l.startsWith("alias ")) {
        aliases.add(l.substring(6));
      } else if (l.startsWith("value ")) {
        values.add(l.substring(6));
      } else if (l.startsWith("error ")) {
        error = l.substring(6);
      }
    }
    return new HostEnt(name0, aliases, values, error);
  }

  /**
   * Runs Erlang expressions {@code body} (ending with a comma-free last expression) in a VM whose
   * resolver is set up as a pod's: only DNS, {@code 127.0.0.1:port}, the search list {@code search};
   * returns what it printed. Used to make the same calls a discovery library makes.
   */
  public static String eval(int port, List<String> search, String body) {
    String setup = "inet_db:set_lookup([dns]), inet_db:set_resolv_conf(\"/dev/null\"), "
        + "ok = inet_db:add_ns({127,0,0,1}, " + port + "), "
        + "[inet_db:add_search(S) || S <- [" + search.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(","))
        + "]], ";
    return run(setup + body + ".");
  }

  /** Runs {@code erl -noshell -eval EXPR} and returns what it printed; fails when erl fails. */
  private static String run(String eval) {
    Path erl = RealServers.require("erl", "erlang-base");
    try {
      ProcessBuilder pb = new ProcessBuilder(erl.toString(), "-noshell", "-eval", eval, "-s", "init", "stop")
          .redirectErrorStream(true);
      pb.environment().put("ERL_CRASH_DUMP_SECONDS", "0");
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("erl failed:\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run erl", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running erl", e);
    }
  }

  private ErlangInetRes() {}

  /**
   * Runs {@code inet_res:getbyname(Name, Type)} for each {@code name → type} (type {@code a},
   * {@code aaaa} or {@code srv}) against {@code 127.0.0.1:port} with {@code search}.
   */
  public static Map<String, Answer> getbyname(int port, List<String> search, Map<String, String> queries) {
    Path erl = RealServers.require("erl", "erlang-base");
    StringBuilder eval = new StringBuilder();
    eval.append("inet_db:set_lookup([dns]), inet_db:set_resolv_conf(\"/dev/null\"), ")
        .append("ok = inet_db:add_ns({127,0,0,1}, ").append(port).append("), ")
        .append("[inet_db:add_search(S) || S <- [")
        .append(search.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",")))
        .append("]], ")
        .append("Fmt = fun(srv, {_, _, _, T}) -> T; (_, Ip) -> inet:ntoa(Ip) end, ")
        .append("Show = fun(N, T) -> case inet_res:getbyname(N, T) of ")
        .append("{ok, H} -> [io:format(\"~s ~s ok ~s~n\", [N, T, Fmt(T, X)]) || X <- element(6, H)]; ")
        .append("{error, R} -> io:format(\"~s ~s error ~p~n\", [N, T, R]) end end, ");
    queries.forEach((name, type) -> eval.append("Show(\"").append(name).append("\", ").append(type).append("), "));
    eval.append("ok.");
    try {
      ProcessBuilder pb = new ProcessBuilder(erl.toString(), "-noshell", "-eval", eval.toString(), "-s", "init", "stop")
          .redirectErrorStream(true);
      pb.environment().put("ERL_CRASH_DUMP_SECONDS", "0");
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("erl failed:\n" + out);
      }
      Map<String, List<String>> values = new LinkedHashMap<>();
      Map<String, String> errors = new LinkedHashMap<>();
      for (String line : out.split("\n")) {
        String[] w = line.strip().split(" ", 4);
        if (w.length == 4 && w[2].equals("ok")) {
          values.computeIfAbsent(w[0], k -> new ArrayList<>()).add(w[3]);
        } else if (w.length == 4 && w[2].equals("error")) {
          errors.put(w[0], w[3]);
        }
      }
      Map<String, Answer> result = new LinkedHashMap<>();
      for (String name : queries.keySet()) {
        if (!values.containsKey(name) && !errors.containsKey(name)) {
          throw new IllegalStateException("erl said nothing about " + name + ":\n" + out);
        }
        result.put(name, new Answer(values.getOrDefault(name, List.of()).stream().sorted().toList(), errors.get(name)));
      }
      return result;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run erl", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running erl", e);
    }
  }
}
