package dev.clusterctl.cli.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The PowerShell script, generated from the picocli model (picocli has no PowerShell generator):
 * a table of every command path's subcommands, options and fixed values, read by one
 * {@code Register-ArgumentCompleter -Native} block; run-time values come from
 * {@code clusterctl __complete}.
 *
 * @see <a href="https://learn.microsoft.com/powershell/module/microsoft.powershell.core/register-argumentcompleter">Register-ArgumentCompleter</a>
 */
final class PowerShellScript {

  private PowerShellScript() {}

  /** The script for the commands under {@code root}. */
  static String generate(CommandSpec root, CandidateProviders providers) {
    String name = root.name();
    StringBuilder out = new StringBuilder();
    out.append("# PowerShell completion for ").append(name)
        .append(", generated from its command model by '").append(name).append(" completion powershell'.\n")
        .append("# Install: add to $PROFILE the line\n")
        .append("#   ").append(name).append(" completion powershell | Out-String | Invoke-Expression\n\n")
        .append("Register-ArgumentCompleter -Native -CommandName ")
        .append(quote(name)).append(", ").append(quote(name + ".bat")).append(" -ScriptBlock {\n")
        .append("    param($wordToComplete, $commandAst, $cursorPosition)\n")
        .append("    # Per command path: Commands and Options (name = description), Values (fixed values of an\n")
        .append("    # option or of the positional parameters, key ''), Takes (options followed by a value),\n")
        .append("    # Runtime (options whose values come from '").append(name).append(" __complete'),\n")
        .append("    # Files and Dirs (options naming a file, or a directory).\n")
        .append("    $model = @{\n");
    for (CommandSpec spec : CommandTree.walk(root)) {
      node(out, spec, providers);
    }
    out.append("    }\n")
        .append("    $words = @($commandAst.CommandElements |\n")
        .append("        Where-Object { $_.Extent.EndOffset -le $cursorPosition } |\n")
        .append("        ForEach-Object { $_.ToString() })\n")
        .append("    if ($wordToComplete -ne '' -and $words.Count -gt 0 -and $words[-1] -eq $wordToComplete) {\n")
        .append("        $words = @($words | Select-Object -SkipLast 1)\n")
        .append("    }\n")
        .append("    $path = ''\n")
        .append("    $prev = ''\n")
        .append("    foreach ($w in @($words | Select-Object -Skip 1)) {\n")
        .append("        $node = $model[$path]\n")
        .append("        if ($prev -ne '' -and $node.Takes -contains $prev) { $prev = ''; continue }\n")
        .append("        $next = if ($path -eq '') { $w } else { \"$path $w\" }\n")
        .append("        if (-not $w.StartsWith('-') -and $model.ContainsKey($next) -and $node.Commands.Contains($w)) {\n")
        .append("            $path = $next\n")
        .append("        }\n")
        .append("        $prev = $w\n")
        .append("    }\n")
        .append("    $node = $model[$path]\n")
        .append("    $pairs = @()\n")
        .append("    if ($prev -ne '' -and $node.Runtime -contains $prev) {\n")
        .append("        # the word being typed goes in --word=, as PowerShell drops empty arguments\n")
        .append("        $rest = @($words | Select-Object -Skip 1)\n")
        .append("        $pairs = @(& ").append(quote(name)).append(" __complete \"--word=$wordToComplete\" -- @rest 2>$null |\n")
        .append("            ForEach-Object { [pscustomobject]@{ Name = $_; Tip = $_ } })\n")
        .append("    } elseif ($prev -ne '' -and ($node.Files -contains $prev -or $node.Dirs -contains $prev)) {\n")
        .append("        # a path: the entries of the typed directory that start with the typed name\n")
        .append("        $dirsOnly = $node.Dirs -contains $prev\n")
        .append("        $base = $wordToComplete.Substring(0, $wordToComplete.LastIndexOfAny([char[]]@('/', '\\')) + 1)\n")
        .append("        $sep = [System.IO.Path]::DirectorySeparatorChar\n")
        .append("        Get-ChildItem -Path \"$wordToComplete*\" -Force -ErrorAction SilentlyContinue |\n")
        .append("            Where-Object { $_.PSIsContainer -or -not $dirsOnly } |\n")
        .append("            ForEach-Object {\n")
        .append("                $text = if ($_.PSIsContainer) { \"$base$($_.Name)$sep\" } else { \"$base$($_.Name)\" }\n")
        .append("                $quoted = if ($text -match '\\s') { \"'$($text -replace \"'\", \"''\")'\" } else { $text }\n")
        .append("                $kind = if ($_.PSIsContainer) { 'ProviderContainer' } else { 'ProviderItem' }\n")
        .append("                [System.Management.Automation.CompletionResult]::new($quoted, $text, $kind, $text)\n")
        .append("            }\n")
        .append("        return\n")
        .append("    } elseif ($prev -ne '' -and $node.Takes -contains $prev) {\n")
        .append("        $pairs = @($node.Values[$prev] | ForEach-Object { [pscustomobject]@{ Name = $_; Tip = $_ } })\n")
        .append("    } elseif ($wordToComplete.StartsWith('-')) {\n")
        .append("        $pairs = @($node.Options.GetEnumerator() | ForEach-Object { [pscustomobject]@{ Name = $_.Key; Tip = $_.Value } })\n")
        .append("    } else {\n")
        .append("        $pairs = @($node.Commands.GetEnumerator() | ForEach-Object { [pscustomobject]@{ Name = $_.Key; Tip = $_.Value } }) +\n")
        .append("            @($node.Values[''] | ForEach-Object { [pscustomobject]@{ Name = $_; Tip = $_ } })\n")
        .append("    }\n")
        .append("    foreach ($p in $pairs) {\n")
        .append("        if ($null -ne $p.Name -and $p.Name.StartsWith($wordToComplete)) {\n")
        .append("            $tip = if ($p.Tip) { $p.Tip } else { $p.Name }\n")
        .append("            [System.Management.Automation.CompletionResult]::new($p.Name, $p.Name, 'ParameterValue', $tip)\n")
        .append("        }\n")
        .append("    }\n")
        .append("}\n");
    return out.toString();
  }

  private static void node(StringBuilder out, CommandSpec spec, CandidateProviders providers) {
    List<String> commands = new ArrayList<>();
    for (Map.Entry<String, CommandSpec> sub : CommandTree.subcommands(spec).entrySet()) {
      commands.add(entry(sub.getKey(), CommandTree.summary(sub.getValue())));
    }
    List<String> options = new ArrayList<>();
    List<String> takes = new ArrayList<>();
    List<String> runtime = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<String> files = new ArrayList<>();
    List<String> dirs = new ArrayList<>();
    for (OptionSpec o : CommandTree.options(spec)) {
      for (String n : o.names()) {
        options.add(entry(n, CommandTree.summary(o)));
        if (CommandTree.takesValue(o)) {
          takes.add(quote(n));
          if (providers.isDynamic(o)) {
            runtime.add(quote(n));
          } else if (CommandTree.pathKind(o) == CommandTree.PathKind.DIRECTORY) {
            dirs.add(quote(n));
          } else if (CommandTree.pathKind(o) == CommandTree.PathKind.FILE) {
            files.add(quote(n));
          }
          List<String> fixed = CommandTree.candidates(o);
          if (!fixed.isEmpty()) {
            values.add(quote(n) + " = " + list(fixed.stream().map(PowerShellScript::quote).toList()));
          }
        }
      }
    }
    List<String> positional = new ArrayList<>();
    for (PositionalParamSpec p : CommandTree.positionals(spec)) {
      CommandTree.candidates(p).forEach(c -> positional.add(quote(c)));
    }
    if (!positional.isEmpty()) {
      values.add("'' = " + list(positional));
    }
    out.append("        ").append(quote(CommandTree.path(spec))).append(" = @{\n")
        .append("            Commands = ").append(ordered(commands)).append('\n')
        .append("            Options = ").append(ordered(options)).append('\n')
        .append("            Takes = ").append(list(takes)).append('\n')
        .append("            Runtime = ").append(list(runtime)).append('\n')
        .append("            Files = ").append(list(files)).append('\n')
        .append("            Dirs = ").append(list(dirs)).append('\n')
        .append("            Values = @{ ").append(String.join("; ", values)).append(" }\n")
        .append("        }\n");
  }

  private static String entry(String name, String description) {
    return quote(name) + " = " + quote(description);
  }

  private static String ordered(List<String> entries) {
    return "[ordered]@{ " + String.join("; ", entries) + " }";
  }

  private static String list(List<String> items) {
    return "@(" + String.join(", ", items) + ")";
  }

  /** A PowerShell single-quoted string. */
  static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
