package dev.clusterctl.model;

/**
 * One workload whose pods are part of the cluster, with its release's settings: a headless Service
 * often selects several (a web, a worker and a scheduler release of one app).
 *
 * @param workload the Deployment or StatefulSet
 * @param release how its release names itself and finds its peers (its own container environment)
 */
public record Member(WorkloadInfo workload, ReleaseInfo release) {}
