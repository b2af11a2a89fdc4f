package dev.clusterctl.cli;

import dev.clusterctl.discovery.DiscoverySpec;
import dev.clusterctl.discovery.HostType;
import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.dns.QueryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

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

  /** Reads {@code a}, {@code aaaa}, {@code srv}. */
  static final class QueryTypeConverter implements ITypeConverter<QueryType> {
    @Override
    public QueryType convert(String value) {
      try {
        return QueryType.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected one of a, aaaa, srv but was '" + value + "'");
      }
    }

    /** The ids for completion. */
    static final class Ids extends ArrayList<String> {
      Ids() {
        super(Arrays.stream(QueryType.values()).map(QueryType::id).toList());
      }
    }
  }

  /** Reads strategy ids such as {@code gen-cluster}. */
  static final class StrategyConverter implements ITypeConverter<Strategy> {
    @Override
    public Strategy convert(String value) {
      try {
        return Strategy.fromId(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected one of " + String.join(", ", new Ids()) + " but was '" + value + "'");
      }
    }

    /** The ids for completion and help. */
    static final class Ids extends ArrayList<String> {
      Ids() {
        super(Arrays.stream(Strategy.values()).map(Strategy::id).toList());
      }
    }
  }

  /** Reads {@code ip}, {@code hostname}. */
  static final class HostTypeConverter implements ITypeConverter<HostType> {
    @Override
    public HostType convert(String value) {
      try {
        return HostType.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected one of ip, hostname but was '" + value + "'");
      }
    }

    /** The ids for completion. */
    static final class Ids extends ArrayList<String> {
      Ids() {
        super(Arrays.stream(HostType.values()).map(HostType::id).toList());
      }
    }
  }
}
