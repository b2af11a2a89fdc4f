package dev.clusterctl.cli.completion;

/** The shells {@code clusterctl completion} writes a script for, and the file each script is kept in. */
public enum Shell {
  /** GNU bash (with or without the bash-completion package). */
  bash("clusterctl.bash"),
  /** zsh, through its bash compatibility ({@code bashcompinit}). */
  zsh("clusterctl.zsh"),
  /** The friendly interactive shell. */
  fish("clusterctl.fish"),
  /** PowerShell 5.1 and 7 ({@code Register-ArgumentCompleter -Native}). */
  powershell("clusterctl.ps1");

  private final String fileName;

  Shell(String fileName) {
    this.fileName = fileName;
  }

  /** The name of the file under {@code completions/} that holds this shell's script. */
  public String fileName() {
    return fileName;
  }
}
