/**
 * {@code join}: discover peers as the node would, probe each one, and (with {@code --watch})
 * keep doing it, reporting what changed as {@link dev.clusterctl.watch.WatchEvent events} to a
 * listener. {@link dev.clusterctl.watch.JoinService} is the entry point: a
 * {@link dev.clusterctl.watch.JoinRequest} of plain values in, a plan, one report or a watch out.
 * No terminal code lives here; the command line renders the reports and events.
 */
package dev.clusterctl.watch;
