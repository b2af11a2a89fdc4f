package dev.clusterctl.cli.docs;

import dev.clusterctl.cli.Main;
import java.io.File;
import java.io.IOException;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build step (run by the build before the tests, see cli/pom.xml): writes one AsciiDoc man page
 * per visible command, from the same picocli model {@code clusterctl --help} prints, into the
 * directory given as the only argument; asciidoctor's manpage backend turns them into roff.
 */
public final class ManPageSources {

  private ManPageSources() {}

  /** Writes the AsciiDoc sources into {@code args[0]}; exits non-zero when picocli-codegen fails. */
  public static void main(String[] args) throws IOException {
    File out = new File(args[0]);
    if (!out.isDirectory() && !out.mkdirs()) {
      throw new IOException("cannot create " + out);
    }
    int exit = ManPageGenerator.generateManPage(out, null, new boolean[0], true, Main.commandLine().getCommandSpec());
    if (exit != 0) {
      throw new IOException("picocli ManPageGenerator failed with exit code " + exit);
    }
  }
}
