/**
 * Time limits shared by every part that waits on the network: {@link dev.clusterctl.time.Deadline},
 * one overall deadline per operation rather than a timeout per read. A leaf package: it depends on
 * nothing else in clusterctl.
 */
package dev.clusterctl.time;
