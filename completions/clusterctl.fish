# fish completion for clusterctl, generated from its command model by 'clusterctl completion fish'.
# Install: clusterctl completion fish > ~/.config/fish/completions/clusterctl.fish

function __clusterctl_subcommands --description 'The subcommands of a command path'
    switch "$argv[1]"
        case ''
            printf '%s\n' 'help' 'completion' 'shell'
    end
end

function __clusterctl_path --description 'The subcommands typed so far'
    set -l words (commandline -opc)
    set -e words[1]
    set -l path ''
    for word in $words
        if contains -- $word (__clusterctl_subcommands "$path")
            set path (string trim -- "$path $word")
        end
    end
    echo $path
end

function __clusterctl_at --description 'True when the typed subcommands are $argv[1]'
    set -l path (__clusterctl_path)
    test "$path" = "$argv[1]"
end

function __clusterctl_runtime_values --description 'Values known only at run time'
    set -l words (commandline -opc)
    set -e words[1]
    clusterctl __complete -- $words (commandline -ct) 2>/dev/null
end

complete -c clusterctl -f

complete -c clusterctl -n '__clusterctl_at \'\'' -a 'help' -d 'Display help information about the specified command.'
complete -c clusterctl -n '__clusterctl_at \'\'' -a 'completion' -d 'Prints the completion script of a shell (bash, zsh, fish, powershell).'
complete -c clusterctl -n '__clusterctl_at \'\'' -a 'shell' -d 'Runs clusterctl commands interactively: TAB completes, history is kept in $XDG_CONFIG_HOME/clusterctl/history (else ~/.config/clusterctl/history).'
complete -c clusterctl -n '__clusterctl_at \'\'' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c clusterctl -n '__clusterctl_at \'\'' -s 'V' -l 'version' -d 'Print version information and exit.'

complete -c clusterctl -n '__clusterctl_at \'help\'' -s 'h' -l 'help' -d 'Show usage help for the help command and exit.'

complete -c clusterctl -n '__clusterctl_at \'completion\'' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c clusterctl -n '__clusterctl_at \'completion\'' -s 'V' -l 'version' -d 'Print version information and exit.'
complete -c clusterctl -n '__clusterctl_at \'completion\'' -f -a 'bash zsh fish powershell' -d 'The shell: bash, zsh, fish, powershell.'

complete -c clusterctl -n '__clusterctl_at \'shell\'' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c clusterctl -n '__clusterctl_at \'shell\'' -s 'V' -l 'version' -d 'Print version information and exit.'
