package dev.clusterctl.testing;

import java.io.IOException;
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
