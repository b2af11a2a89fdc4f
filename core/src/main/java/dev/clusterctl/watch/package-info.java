/**
 * {@code join}: discover peers as the node would, probe each one, and (with {@code --watch})
 * keep doing it, reporting what changed as {@link dev.clusterctl.watch.WatchEvent events} to a
 * listener. No terminal code lives here; the command line renders the events.
 */
package dev.clusterctl.watch;
