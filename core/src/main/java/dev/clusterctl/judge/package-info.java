/**
 * Judging: small {@link dev.clusterctl.judge.Check}s with stable ids, each reading the model, its
 * simulation and what was observed, kept in one {@link dev.clusterctl.judge.CheckRegistry} and run
 * by {@link dev.clusterctl.judge.Judge}.
 */
package dev.clusterctl.judge;
