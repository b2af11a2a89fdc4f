package dev.clusterctl.cli.command;

import picocli.CommandLine.IVersionProvider;

/** clusterctl's version (from the build) and the Java runtime it runs on. */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
      "clusterctl " + BuildInfo.VERSION,
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
          + System.getProperty("os.name") + " " + System.getProperty("os.arch")
    };
  }
}
