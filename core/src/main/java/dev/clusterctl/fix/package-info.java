/**
 * Changes to what a team deploys and ships, as data: a field of a manifest (by merge key, as
 * strategic merge patches name it), a whole object, a line of a release file. Checks propose them;
 * the doctor's planner applies and verifies them.
 */
package dev.clusterctl.fix;
