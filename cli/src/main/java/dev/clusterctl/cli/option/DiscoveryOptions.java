package dev.clusterctl.cli.option;

import dev.clusterctl.discovery.DiscoverySpec;
import dev.clusterctl.discovery.HostType;
import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.dns.QueryType;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The discovery options shared by {@code resolve}, {@code join} and {@code doctor}: which library's
 * lookup to reproduce and how it names nodes. Add with {@code @Mixin DiscoveryOptions discovery;}
 * and call {@link #toSpec(String)} with the name that will be looked up.
 */
public final class DiscoveryOptions {

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      converter = QueryTypeConverter.class,
      completionCandidates = QueryTypeConverter.Ids.class,
      description = "Record type: a, aaaa, srv (default: srv for _service._tcp names, else a).")
  QueryType type;

  @Option(
      names = "--strategy",
      paramLabel = "LIBRARY",
      converter = StrategyConverter.class,
      completionCandidates = StrategyConverter.Ids.class,
      defaultValue = "gen-cluster",
      description = "Discovery library whose naming to reproduce: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Strategy strategy = Strategy.GEN_CLUSTER;

  @Option(
      names = "--basename",
      paramLabel = "NAME",
      description = "Node basename (the part before @; libcluster's application_name). Without it hosts are shown as <basename>@host.")
  String basename;

  @Option(
      names = "--host-type",
      paramLabel = "KIND",
      converter = HostTypeConverter.class,
      completionCandidates = HostTypeConverter.Ids.class,
      description = "Host part of node names: ip or hostname (gen_cluster's host_type; default ip for A/AAAA, hostname for SRV).")
  HostType hostType;

  @Option(
      names = "--query",
      paramLabel = "[BASENAME@]NAME",
      description = "dns-cluster only (resolve): one more query looked up in the same run, as dns_cluster's query list does;"
          + " BASENAME@NAME names its nodes BASENAME@ip ({basename, query}). Repeatable.")
  java.util.List<String> moreQueries = new java.util.ArrayList<>();

  /**
   * Every query of the run: {@code domain} with the spec's basename, then each {@code --query}, split
   * into its basename (when given as {@code BASENAME@NAME}) and name.
   *
   * @throws dev.clusterctl.error.BadInputException for a malformed query or one given to another strategy
   */
  public java.util.List<java.util.Map.Entry<Optional<String>, String>> queries(String domain) {
    java.util.List<java.util.Map.Entry<Optional<String>, String>> out = new java.util.ArrayList<>();
    out.add(java.util.Map.entry(Optional.empty(), domain));
    if (!moreQueries.isEmpty() && strategy() != Strategy.DNS_CLUSTER) {
      throw new dev.clusterctl.error.BadInputException("--query is for --strategy dns-cluster (its query list), not " + strategy().id());
    }
    for (String q : moreQueries) {
      int at = q.indexOf('@');
      String base = at < 0 ? null : q.substring(0, at);
      String name = at < 0 ? q : q.substring(at + 1);
      if ((base != null && base.isEmpty()) || name.isEmpty()) {
        throw new dev.clusterctl.error.BadInputException("--query '" + q + "' is not NAME or BASENAME@NAME");
      }
      out.add(java.util.Map.entry(Optional.ofNullable(base), dev.clusterctl.dns.DomainNames.lookupName(name)));
    }
    return out;
  }

  /** True when {@code --query} was given. */
  public boolean hasMoreQueries() {
    return !moreQueries.isEmpty();
  }

  /** The strategy chosen. */
  public Strategy strategy() {
    return strategy == null ? Strategy.GEN_CLUSTER : strategy;
  }

  /** The record type asked, if given. */
  public Optional<QueryType> type() {
    return Optional.ofNullable(type);
  }

  /** The host part of node names, if given. */
  public Optional<HostType> hostType() {
    return Optional.ofNullable(hostType);
  }

  /** The node basename, if given. */
  public Optional<String> basename() {
    return Optional.ofNullable(basename);
  }

  /**
   * The discovery to reproduce for {@code domain}, defaults filled in.
   *
   * @throws dev.clusterctl.error.BadInputException when the library cannot do what the options ask
   */
  public DiscoverySpec toSpec(String domain) {
    return DiscoverySpec.of(strategy(), type, hostType, basename, domain);
  }
}
