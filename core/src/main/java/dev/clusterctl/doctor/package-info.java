/**
 * The doctor's one entry, {@link dev.clusterctl.doctor.Doctor#diagnose}: a {@link
 * dev.clusterctl.gather.Source} is gathered, modelled, observed when live, judged by the checks
 * and turned into a {@link dev.clusterctl.report.Report}.
 */
package dev.clusterctl.doctor;
