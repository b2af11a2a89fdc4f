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
        .append("    # Per command path: Commands and Options (name, description), Values (fixed values of an\n")
        .append("    # option or of the positional parameters, key ''), Takes (options followed by a value),\n")
        .append("    # Runtime (options whose values come from '").append(name).append(" __complete').\n")
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
        .append("        if (-not $w.StartsWith('-') -and $model.ContainsKey($next) -and ($node.Commands | ForEach-Object { $_[0] }) -contains $w) {\n")
        .append("            $path = $next\n")
        .append("        }\n")
        .append("        $prev = $w\n")
        .append("    }\n")
        .append("    $node = $model[$path]\n")
        .append("    $candidates = @()\n")
        .append("    if ($prev -ne '' -and $node.Runtime -contains $prev) {\n")
        .append("        $rest = @($words | Select-Object -Skip 1)\n")
        .append("        $candidates = @(& ").append(quote(name)).append(" __complete -- @rest $wordToComplete 2>$null | ForEach-Object { ,@($_, $_) })\n")
        .append("    } elseif ($prev -ne '' -and $node.Takes -contains $prev) {\n")
        .append("        $candidates = @($node.Values[$prev] | ForEach-Object { ,@($_, $_) })\n")
        .append("    } elseif ($wordToComplete.StartsWith('-')) {\n")
        .append("        $candidates = $node.Options\n")
        .append("    } else {\n")
        .append("        $candidates = @($node.Commands) + @($node.Values[''] | ForEach-Object { ,@($_, $_) })\n")
        .append("    }\n")
        .append("    foreach ($c in $candidates) {\n")
        .append("        if ($null -ne $c -and $c[0] -like \"$wordToComplete*\") {\n")
        .append("            $tip = if ($c[1]) { $c[1] } else { $c[0] }\n")
        .append("            [System.Management.Automation.CompletionResult]::new($c[0], $c[0], 'ParameterValue', $tip)\n")
        .append("        }\n")
        .append("    }\n")
        .append("}\n");
    return out.toString();
  }

  private static void node(StringBuilder out, CommandSpec spec, CandidateProviders providers) {
    List<String> commands = new ArrayList<>();
    for (Map.Entry<String, CommandSpec> sub : CommandTree.subcommands(spec).entrySet()) {
      commands.add(pair(sub.getKey(), CommandTree.summary(sub.getValue())));
    }
    List<String> options = new ArrayList<>();
    List<String> takes = new ArrayList<>();
    List<String> runtime = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (OptionSpec o : CommandTree.options(spec)) {
      for (String n : o.names()) {
        options.add(pair(n, CommandTree.summary(o)));
        if (CommandTree.takesValue(o)) {
          takes.add(quote(n));
          if (providers.isDynamic(o)) {
            runtime.add(quote(n));
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
        .append("            Commands = ").append(list(commands)).append('\n')
        .append("            Options = ").append(list(options)).append('\n')
        .append("            Takes = ").append(list(takes)).append('\n')
        .append("            Runtime = ").append(list(runtime)).append('\n')
        .append("            Values = @{ ").append(String.join("; ", values)).append(" }\n")
        .append("        }\n");
  }

  private static String pair(String name, String description) {
    return ",@(" + quote(name) + ", " + quote(description) + ")";
  }

  private static String list(List<String> items) {
    return "@(" + String.join(", ", items) + ")";
  }

  /** A PowerShell single-quoted string. */
  static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
