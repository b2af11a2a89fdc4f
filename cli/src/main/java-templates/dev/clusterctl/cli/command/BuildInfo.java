package dev.clusterctl.cli.command;

/**
 * What the build knows, written into the code by templating-maven-plugin (a constant costs
 * nothing at start-up; reading a resource opens the jar through the class loader, about a tenth
 * of a cold {@code --version}).
 */
final class BuildInfo {

  /** clusterctl's version, from the pom. */
  static final String VERSION = "${project.version}";

  private BuildInfo() {}
}
