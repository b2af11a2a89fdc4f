/**
 * The doctor's report as typed records (what was judged, each check's result, the counts), plain
 * data for every renderer: text, JSON, JUnit.
 */
package dev.clusterctl.report;
