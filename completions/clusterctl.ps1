# PowerShell completion for clusterctl, generated from its command model by 'clusterctl completion powershell'.
# Install: add to $PROFILE the line
#   clusterctl completion powershell | Out-String | Invoke-Expression

Register-ArgumentCompleter -Native -CommandName 'clusterctl', 'clusterctl.bat' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    # Per command path: Commands and Options (name, description), Values (fixed values of an
    # option or of the positional parameters, key ''), Takes (options followed by a value),
    # Runtime (options whose values come from 'clusterctl __complete').
    $model = @{
        '' = @{
            Commands = @(,@('help', 'Display help information about the specified command.'), ,@('completion', 'Prints the completion script of a shell (bash, zsh, fish, powershell).'), ,@('shell', 'Runs clusterctl commands interactively: TAB completes, history is kept in $XDG_CONFIG_HOME/clusterctl/history (else ~/.config/clusterctl/history).'))
            Options = @(,@('-h', 'Show this help message and exit.'), ,@('--help', 'Show this help message and exit.'), ,@('-V', 'Print version information and exit.'), ,@('--version', 'Print version information and exit.'))
            Takes = @()
            Runtime = @()
            Values = @{  }
        }
        'help' = @{
            Commands = @()
            Options = @(,@('-h', 'Show usage help for the help command and exit.'), ,@('--help', 'Show usage help for the help command and exit.'))
            Takes = @()
            Runtime = @()
            Values = @{  }
        }
        'completion' = @{
            Commands = @()
            Options = @(,@('-h', 'Show this help message and exit.'), ,@('--help', 'Show this help message and exit.'), ,@('-V', 'Print version information and exit.'), ,@('--version', 'Print version information and exit.'))
            Takes = @()
            Runtime = @()
            Values = @{ '' = @('bash', 'zsh', 'fish', 'powershell') }
        }
        'shell' = @{
            Commands = @()
            Options = @(,@('-h', 'Show this help message and exit.'), ,@('--help', 'Show this help message and exit.'), ,@('-V', 'Print version information and exit.'), ,@('--version', 'Print version information and exit.'))
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
        if (-not $w.StartsWith('-') -and $model.ContainsKey($next) -and ($node.Commands | ForEach-Object { $_[0] }) -contains $w) {
            $path = $next
        }
        $prev = $w
    }
    $node = $model[$path]
    $candidates = @()
    if ($prev -ne '' -and $node.Runtime -contains $prev) {
        $rest = @($words | Select-Object -Skip 1)
        $candidates = @(& 'clusterctl' __complete -- @rest $wordToComplete 2>$null | ForEach-Object { ,@($_, $_) })
    } elseif ($prev -ne '' -and $node.Takes -contains $prev) {
        $candidates = @($node.Values[$prev] | ForEach-Object { ,@($_, $_) })
    } elseif ($wordToComplete.StartsWith('-')) {
        $candidates = $node.Options
    } else {
        $candidates = @($node.Commands) + @($node.Values[''] | ForEach-Object { ,@($_, $_) })
    }
    foreach ($c in $candidates) {
        if ($null -ne $c -and $c[0] -like "$wordToComplete*") {
            $tip = if ($c[1]) { $c[1] } else { $c[0] }
            [System.Management.Automation.CompletionResult]::new($c[0], $c[0], 'ParameterValue', $tip)
        }
    }
}
