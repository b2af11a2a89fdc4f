# PowerShell completion for clusterctl, generated from its command model by 'clusterctl completion powershell'.
# Install: add to $PROFILE the line
#   clusterctl completion powershell | Out-String | Invoke-Expression

Register-ArgumentCompleter -Native -CommandName 'clusterctl', 'clusterctl.bat' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    # Per command path: Commands and Options (name = description), Values (fixed values of an
    # option or of the positional parameters, key ''), Takes (options followed by a value),
    # Runtime (options whose values come from 'clusterctl __complete').
    $model = @{
        '' = @{
            Commands = [ordered]@{ 'help' = 'Display help information about the specified command.'; 'completion' = 'Prints the completion script of a shell (bash, zsh, fish, powershell).'; 'shell' = 'Runs clusterctl commands interactively: TAB completes, history is kept in $XDG_CONFIG_HOME/clusterctl/history (else ~/.config/clusterctl/history).' }
            Options = [ordered]@{ '-h' = 'Show this help message and exit.'; '--help' = 'Show this help message and exit.'; '-V' = 'Print version information and exit.'; '--version' = 'Print version information and exit.' }
            Takes = @()
            Runtime = @()
            Values = @{  }
        }
        'help' = @{
            Commands = [ordered]@{  }
            Options = [ordered]@{ '-h' = 'Show usage help for the help command and exit.'; '--help' = 'Show usage help for the help command and exit.' }
            Takes = @()
            Runtime = @()
            Values = @{  }
        }
        'completion' = @{
            Commands = [ordered]@{  }
            Options = [ordered]@{ '-h' = 'Show this help message and exit.'; '--help' = 'Show this help message and exit.'; '-V' = 'Print version information and exit.'; '--version' = 'Print version information and exit.' }
            Takes = @()
            Runtime = @()
            Values = @{ '' = @('bash', 'zsh', 'fish', 'powershell') }
        }
        'shell' = @{
            Commands = [ordered]@{  }
            Options = [ordered]@{ '-h' = 'Show this help message and exit.'; '--help' = 'Show this help message and exit.'; '-V' = 'Print version information and exit.'; '--version' = 'Print version information and exit.' }
            Takes = @()
            Runtime = @()
            Values = @{  }
        }
    }
    $words = @($commandAst.CommandElements |
        Where-Object { $_.Extent.EndOffset -le $cursorPosition } |
        ForEach-Object { $_.ToString() })
    if ($wordToComplete -ne '' -and $words.Count -gt 0 -and $words[-1] -eq $wordToComplete) {
        $words = @($words | Select-Object -SkipLast 1)
    }
    $path = ''
    $prev = ''
    foreach ($w in @($words | Select-Object -Skip 1)) {
        $node = $model[$path]
        if ($prev -ne '' -and $node.Takes -contains $prev) { $prev = ''; continue }
        $next = if ($path -eq '') { $w } else { "$path $w" }
        if (-not $w.StartsWith('-') -and $model.ContainsKey($next) -and $node.Commands.Contains($w)) {
            $path = $next
        }
        $prev = $w
    }
    $node = $model[$path]
    $pairs = @()
    if ($prev -ne '' -and $node.Runtime -contains $prev) {
        # the word being typed goes in --word=, as PowerShell drops empty arguments
        $rest = @($words | Select-Object -Skip 1)
        $pairs = @(& 'clusterctl' __complete "--word=$wordToComplete" -- @rest 2>$null |
            ForEach-Object { [pscustomobject]@{ Name = $_; Tip = $_ } })
    } elseif ($prev -ne '' -and $node.Takes -contains $prev) {
        $pairs = @($node.Values[$prev] | ForEach-Object { [pscustomobject]@{ Name = $_; Tip = $_ } })
    } elseif ($wordToComplete.StartsWith('-')) {
        $pairs = @($node.Options.GetEnumerator() | ForEach-Object { [pscustomobject]@{ Name = $_.Key; Tip = $_.Value } })
    } else {
        $pairs = @($node.Commands.GetEnumerator() | ForEach-Object { [pscustomobject]@{ Name = $_.Key; Tip = $_.Value } }) +
            @($node.Values[''] | ForEach-Object { [pscustomobject]@{ Name = $_; Tip = $_ } })
    }
    foreach ($p in $pairs) {
        if ($null -ne $p.Name -and $p.Name.StartsWith($wordToComplete)) {
            $tip = if ($p.Tip) { $p.Tip } else { $p.Name }
            [System.Management.Automation.CompletionResult]::new($p.Name, $p.Name, 'ParameterValue', $tip)
        }
    }
}
