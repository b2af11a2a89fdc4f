/**
 * What release start scripts do with the environment, as plain values: a symbolic POSIX shell
 * for {@code env.sh} and entrypoints ({@link dev.clusterctl.release.ShellScript}), the EEx tags
 * of {@code env.sh.eex} ({@link dev.clusterctl.release.EexTemplate}), Kubernetes' own
 * {@code $(VAR)} expansion ({@link dev.clusterctl.release.KubeExpansion}), {@code erl}'s flags
 * and which source wins ({@link dev.clusterctl.release.FlagPrecedence}), and, over all of them,
 * how a container's release names its node and where its cookie comes from
 * ({@link dev.clusterctl.release.ReleaseNamingReader} → {@link dev.clusterctl.release.ReleaseNaming}).
 *
 * <p>Values keep their {@link dev.clusterctl.release.Origin} (a file line, an environment
 * variable, a command-line word, a default, a host name); what the inputs do not settle is a
 * hole or a {@link dev.clusterctl.release.Gap} naming the input that would, never a guess.
 * Nothing here knows Kubernetes objects or the model; cookies are kept only as hashes.
 */
package dev.clusterctl.release;
