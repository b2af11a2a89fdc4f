/**
 * Judging the model: small {@link dev.clusterctl.doctor.Check}s with stable ids, kept in one
 * {@link dev.clusterctl.doctor.CheckRegistry}, run by {@link dev.clusterctl.doctor.Doctor} into a
 * {@link dev.clusterctl.doctor.Report} that is plain data for any renderer.
 */
package dev.clusterctl.doctor;
