# PowerShell completion for clusterctl, generated from its command model by 'clusterctl completion powershell'.
# Install: add to $PROFILE the line
#   clusterctl completion powershell | Out-String | Invoke-Expression

Register-ArgumentCompleter -Native -CommandName 'clusterctl', 'clusterctl.bat' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    # Per command path: Commands and Options (name = description), Values (fixed values of an
    # option or of the positional parameters, key ''), Takes (options followed by a value),
    # Runtime (options whose values come from 'clusterctl __complete'),
    # Files and Dirs (options naming a file, or a directory).
    $model = @{
        '' = @{
            Commands = [ordered]@{ 'help' = 'Display help information about the specified command.'; 'doctor' = 'Says whether the Erlang/Elixir nodes will form a cluster, and if not, why.'; 'resolve' = 'Does the DNS lookups a discovery library (gen_cluster, libcluster, dns_cluster) does and shows, attempt by attempt, what came back and the node names it would derive.'; 'join' = 'Discovers peers the way gen_cluster, libcluster or dns_cluster would and probes each one with the Erlang distribution handshake, as a hidden node: the port (EPMD or --dist-port), the node''s status, the name it announces for itself versus the name DNS gives, and whether it accepts your cookie.'; 'completion' = 'Prints the completion script of a shell (bash, zsh, fish, powershell).'; 'shell' = 'Runs clusterctl commands interactively: TAB completes, history is kept in $XDG_CONFIG_HOME/clusterctl/history (else ~/.config/clusterctl/history).' }
            Options = [ordered]@{ '-h' = 'Show this help message and exit.'; '--help' = 'Show this help message and exit.'; '-V' = 'Print version information and exit.'; '--version' = 'Print version information and exit.' }
            Takes = @()
            Runtime = @()
            Files = @()
            Dirs = @()
            Values = @{  }
        }
        'help' = @{
            Commands = [ordered]@{  }
            Options = [ordered]@{ '-h' = 'Show usage help for the help command and exit.'; '--help' = 'Show usage help for the help command and exit.' }
            Takes = @()
            Runtime = @()
            Files = @()
            Dirs = @()
            Values = @{  }
        }
        'doctor' = @{
            Commands = [ordered]@{  }
            Options = [ordered]@{ '--verbose' = 'Show more detail: on stderr, the stack trace of a failure and (resolve) every DNS question asked; on stdout, in doctor''s text report, the evidence of passing checks.'; '-q' = 'No progress line on stderr while waiting (there is one only on a terminal, when a wait passes a second, and it is erased when the wait ends).'; '--quiet' = 'No progress line on stderr while waiting (there is one only on a terminal, when a wait passes a second, and it is erased when the wait ends).'; '--color' = 'Colour output: auto, always, never (default: auto; NO_COLOR turns it off even with always, CLICOLOR_FORCE turns auto on).'; '-f' = 'Manifest file, directory (recursive: *.yaml, *.yml, *.json) or - for stdin.'; '--filename' = 'Manifest file, directory (recursive: *.yaml, *.yml, *.json) or - for stdin.'; '-k' = 'Kustomization directory, rendered with ''kubectl kustomize''.'; '--kustomize' = 'Kustomization directory, rendered with ''kubectl kustomize''.'; '--corefile' = 'CoreDNS Corefile (default: a coredns ConfigMap among the inputs, else kubeadm''s default).'; '--sys-config' = 'The release''s sys.config (gen_cluster''s discovery).'; '--vm-args' = 'The release''s vm.args (-name/-sname, -setcookie).'; '--release-env' = 'The release''s env.sh (or the project''s rel/env.sh.eex): RELEASE_DISTRIBUTION, RELEASE_NODE, RELEASE_COOKIE.'; '--strategy' = 'Discovery library: gen-cluster, libcluster-dns, libcluster-dnssrv, libcluster-dnspoll, dns-cluster (default: gen-cluster with --sys-config).'; '--basename' = 'The basename the discovery library puts before ''@'' (libcluster''s application_name).'; '--domain' = 'The name the discovery library queries (overrides sys.config''s domain).'; '--service' = 'The headless Service peers are found through (default: from the discovery domain).'; '--workload' = 'The workload: deploy/NAME or sts/NAME (default: the one the Service selects).'; '-n' = 'Namespace of objects that have none (default: default).'; '--namespace' = 'Namespace of objects that have none (default: default).'; '--cluster-domain' = 'The kubelet''s cluster domain (default: the Corefile''s, else cluster.local).'; '--kubeconfig' = 'Without -f/-k: the kubeconfig (default: KUBECONFIG, ~/.kube/config, or the pod''s service account).'; '--context' = 'Without -f/-k: the kubeconfig context (default: the current one).'; '--timeout' = 'Without -f/-k: how long each Kubernetes API call may take, its whole answer included; each exec in a pod too (default: 10s).'; '--exec' = 'Against the API: run ''hostname --fqdn'' in each pod (default: computed from the pod spec).'; '--exec-concurrency' = 'How many execs run at once (default: 8).'; '--nameserver' = 'Ask the discovery query of this DNS server (repeatable), with a pod''s search list.'; '--dns-port-forward' = 'Against the API: port-forward to a CoreDNS pod and ask it over TCP.'; '--local' = 'Inside a pod: read this pod (hostname, /etc/hosts, resolv.conf, environment, the release''s files) and ask its resolver.'; '--release-dir' = 'A built release or the project''s source tree: vm.args, sys.config, rel/env.sh.eex, config/*.exs and lib/**/application.ex are read from it.'; '-o' = 'Output: text, json, junit, sarif (default: text).'; '--output' = 'Output: text, json, junit, sarif (default: text).'; '--list-checks' = 'List the checks and exit.'; '--only' = 'Run only these checks.'; '--skip' = 'Do not run these checks.'; '--fail-on' = 'Exit 1 on: fail, warn (default: fail).'; '--fix' = 'Write the verified fix to DIR: kustomization.yaml with patches over the inputs (kubectl apply -k DIR), the changed release files, and rendered/, the whole fixed set-up (clusterctl doctor -f DIR/rendered passes).'; '--force' = 'With --fix: write into DIR even when it is not empty (files of the same name are replaced).'; '--choose' = 'With --fix: when the fix is a choice only you can make (the report lists the verified options), write option N.'; '-h' = 'Show this help message and exit.'; '--help' = 'Show this help message and exit.'; '-V' = 'Print version information and exit.'; '--version' = 'Print version information and exit.' }
            Takes = @('--color', '-f', '--filename', '-k', '--kustomize', '--corefile', '--sys-config', '--vm-args', '--release-env', '--strategy', '--basename', '--domain', '--service', '--workload', '-n', '--namespace', '--cluster-domain', '--kubeconfig', '--context', '--timeout', '--exec-concurrency', '--nameserver', '--release-dir', '-o', '--output', '--only', '--skip', '--fail-on', '--fix', '--choose')
            Runtime = @('--service', '-n', '--namespace', '--context', '--only', '--skip')
            Files = @('-f', '--filename', '--corefile', '--sys-config', '--vm-args', '--release-env', '--kubeconfig')
            Dirs = @('-k', '--kustomize', '--release-dir', '--fix')
            Values = @{ '--color' = @('auto', 'always', 'never'); '--strategy' = @('gen-cluster', 'libcluster-dns', 'libcluster-dnssrv', 'libcluster-dnspoll', 'dns-cluster'); '-o' = @('text', 'json', 'junit', 'sarif'); '--output' = @('text', 'json', 'junit', 'sarif'); '--fail-on' = @('fail', 'warn') }
        }
        'resolve' = @{
            Commands = [ordered]@{  }
            Options = [ordered]@{ '--nameserver' = 'DNS server to ask (repeatable; same as @HOST[:PORT]).'; '--resolv-conf' = 'Resolver configuration to use instead of /etc/resolv.conf (nameservers, search, ndots, timeout, attempts).'; '--tcp' = 'Ask over TCP from the start (otherwise UDP, and TCP when an answer is truncated).'; '--timeout' = 'The resolver''s timeout: 2, 2s, 500ms.'; '--tries' = 'Rounds through the server list per name (default 3, inet_res''s retry; with --search libc resolv.conf''s attempts, else 2).'; '--search' = 'Name expansion: erlang (inet_res: dotted names as-is first, ndots ignored), libc (glibc ndots rules), none.'; '--search-domains' = 'Comma-separated search list to use instead of the resolv.conf''s ('''' for none).'; '--ndots' = 'ndots for --search libc (default: resolv.conf''s, 5 with --pod-namespace).'; '--pod-namespace' = 'Ask as a pod in namespace NS would: search NS.svc.DOMAIN svc.DOMAIN DOMAIN, ndots 5.'; '--cluster-domain' = 'Cluster domain for --pod-namespace (default: cluster.local).'; '--type' = 'Record type: a, aaaa, srv (default: srv for _service._tcp names, else a).'; '--strategy' = 'Discovery library whose naming to reproduce: gen-cluster, libcluster-dns, libcluster-dnssrv, libcluster-dnspoll, dns-cluster (default: gen-cluster).'; '--basename' = 'Node basename (the part before @; libcluster''s application_name).'; '--host-type' = 'Host part of node names: ip or hostname (gen_cluster''s host_type; default ip for A/AAAA, hostname for SRV).'; '--query' = 'dns-cluster only (resolve): one more query looked up in the same run, as dns_cluster''s query list does; BASENAME@NAME names its nodes BASENAME@ip ({basename, query}).'; '-o' = 'Output: table (default), json (schemaVersion 1, see docs/resolve.md) or short (one node name a line).'; '--output' = 'Output: table (default), json (schemaVersion 1, see docs/resolve.md) or short (one node name a line).'; '--verbose' = 'Show more detail: on stderr, the stack trace of a failure and (resolve) every DNS question asked; on stdout, in doctor''s text report, the evidence of passing checks.'; '-q' = 'No progress line on stderr while waiting (there is one only on a terminal, when a wait passes a second, and it is erased when the wait ends).'; '--quiet' = 'No progress line on stderr while waiting (there is one only on a terminal, when a wait passes a second, and it is erased when the wait ends).'; '--color' = 'Colour output: auto, always, never (default: auto; NO_COLOR turns it off even with always, CLICOLOR_FORCE turns auto on).'; '-h' = 'Show this help message and exit.'; '--help' = 'Show this help message and exit.'; '-V' = 'Print version information and exit.'; '--version' = 'Print version information and exit.' }
            Takes = @('--nameserver', '--resolv-conf', '--timeout', '--tries', '--search', '--search-domains', '--ndots', '--pod-namespace', '--cluster-domain', '--type', '--strategy', '--basename', '--host-type', '--query', '-o', '--output', '--color')
            Runtime = @()
            Files = @('--resolv-conf')
            Dirs = @()
            Values = @{ '--search' = @('erlang', 'libc', 'none'); '--type' = @('a', 'aaaa', 'srv'); '--strategy' = @('gen-cluster', 'libcluster-dns', 'libcluster-dnssrv', 'libcluster-dnspoll', 'dns-cluster'); '--host-type' = @('ip', 'hostname'); '-o' = @('table', 'json', 'short'); '--output' = @('table', 'json', 'short'); '--color' = @('auto', 'always', 'never') }
        }
        'join' = @{
            Commands = [ordered]@{  }
            Options = [ordered]@{ '--nameserver' = 'DNS server to ask (repeatable; same as @HOST[:PORT]).'; '--resolv-conf' = 'Resolver configuration to use instead of /etc/resolv.conf (nameservers, search, ndots, timeout, attempts).'; '--tcp' = 'Ask over TCP from the start (otherwise UDP, and TCP when an answer is truncated).'; '--timeout' = 'The resolver''s timeout: 2, 2s, 500ms.'; '--tries' = 'Rounds through the server list per name (default 3, inet_res''s retry; with --search libc resolv.conf''s attempts, else 2).'; '--search' = 'Name expansion: erlang (inet_res: dotted names as-is first, ndots ignored), libc (glibc ndots rules), none.'; '--search-domains' = 'Comma-separated search list to use instead of the resolv.conf''s ('''' for none).'; '--ndots' = 'ndots for --search libc (default: resolv.conf''s, 5 with --pod-namespace).'; '--pod-namespace' = 'Ask as a pod in namespace NS would: search NS.svc.DOMAIN svc.DOMAIN DOMAIN, ndots 5.'; '--cluster-domain' = 'Cluster domain for --pod-namespace (default: cluster.local).'; '--type' = 'Record type: a, aaaa, srv (default: srv for _service._tcp names, else a).'; '--strategy' = 'Discovery library whose naming to reproduce: gen-cluster, libcluster-dns, libcluster-dnssrv, libcluster-dnspoll, dns-cluster (default: gen-cluster).'; '--basename' = 'Node basename (the part before @; libcluster''s application_name).'; '--host-type' = 'Host part of node names: ip or hostname (gen_cluster''s host_type; default ip for A/AAAA, hostname for SRV).'; '--query' = 'dns-cluster only (resolve): one more query looked up in the same run, as dns_cluster''s query list does; BASENAME@NAME names its nodes BASENAME@ip ({basename, query}).'; '--cookie-file' = 'Read the Erlang cookie from FILE (default: ~/.erlang.cookie when it exists).'; '--cookie-env' = 'Read the Erlang cookie from environment variable NAME (e.g.'; '--verbose' = 'Show more detail: on stderr, the stack trace of a failure and (resolve) every DNS question asked; on stdout, in doctor''s text report, the evidence of passing checks.'; '-q' = 'No progress line on stderr while waiting (there is one only on a terminal, when a wait passes a second, and it is erased when the wait ends).'; '--quiet' = 'No progress line on stderr while waiting (there is one only on a terminal, when a wait passes a second, and it is erased when the wait ends).'; '--color' = 'Colour output: auto, always, never (default: auto; NO_COLOR turns it off even with always, CLICOLOR_FORCE turns auto on).'; '--watch' = 'Keep refreshing until Ctrl-C, SIGTERM or ''q''.'; '--as-node' = 'See DNS as the node does: answers the library gets from inet_res:getbyname are served through inet_res''s cache (cache_size 100) for their TTL, so peers an oversized answer hides come and go as they do in the node (use with --watch).'; '--interval' = 'Pause between refreshes (default: sys.config''s refresh_interval_ms, else 5s as gen_cluster and libcluster).'; '--sys-config' = 'Take discovery from the release''s sys.config (gen_cluster''s discovery: dns or static) instead of DOMAIN.'; '--vm-args' = 'Take the basename (-name/-sname, ${VAR} from the environment) and the fixed dist port from the release''s vm.args.'; '--jitter' = 'Add up to this much at random to each pause (default: 0s).'; '--count' = 'With --watch: stop after N refreshes.'; '--mesh' = 'Ask every node for erlang:nodes() (rpc to rex) and show who is connected to whom; needs a cookie.'; '--dist-port' = 'The nodes'' fixed distribution port, EPMD-less (default: ERL_DIST_PORT, vm.args'' -erl_epmd_port; else ask EPMD).'; '--epmd-port' = 'EPMD''s port on each peer (default: ERL_EPMD_PORT or 4369).'; '--probe-timeout' = 'Budget for each peer: EPMD, connect, handshake and RPC (default: 3s).'; '--concurrency' = 'Peers probed at once (default: 128).'; '-o' = 'table or json (default table); with --watch: live or jsonl (default live on a terminal, else jsonl).'; '--output' = 'table or json (default table); with --watch: live or jsonl (default live on a terminal, else jsonl).'; '-h' = 'Show this help message and exit.'; '--help' = 'Show this help message and exit.'; '-V' = 'Print version information and exit.'; '--version' = 'Print version information and exit.' }
            Takes = @('--nameserver', '--resolv-conf', '--timeout', '--tries', '--search', '--search-domains', '--ndots', '--pod-namespace', '--cluster-domain', '--type', '--strategy', '--basename', '--host-type', '--query', '--cookie-file', '--cookie-env', '--color', '--interval', '--sys-config', '--vm-args', '--jitter', '--count', '--dist-port', '--epmd-port', '--probe-timeout', '--concurrency', '-o', '--output')
            Runtime = @()
            Files = @('--resolv-conf', '--cookie-file', '--sys-config', '--vm-args')
            Dirs = @()
            Values = @{ '--search' = @('erlang', 'libc', 'none'); '--type' = @('a', 'aaaa', 'srv'); '--strategy' = @('gen-cluster', 'libcluster-dns', 'libcluster-dnssrv', 'libcluster-dnspoll', 'dns-cluster'); '--host-type' = @('ip', 'hostname'); '--color' = @('auto', 'always', 'never'); '-o' = @('table', 'json', 'live', 'jsonl'); '--output' = @('table', 'json', 'live', 'jsonl') }
        }
        'completion' = @{
            Commands = [ordered]@{  }
            Options = [ordered]@{ '-h' = 'Show this help message and exit.'; '--help' = 'Show this help message and exit.'; '-V' = 'Print version information and exit.'; '--version' = 'Print version information and exit.' }
            Takes = @()
            Runtime = @()
            Files = @()
            Dirs = @()
            Values = @{ '' = @('bash', 'zsh', 'fish', 'powershell') }
        }
        'shell' = @{
            Commands = [ordered]@{  }
            Options = [ordered]@{ '-h' = 'Show this help message and exit.'; '--help' = 'Show this help message and exit.'; '-V' = 'Print version information and exit.'; '--version' = 'Print version information and exit.' }
            Takes = @()
            Runtime = @()
            Files = @()
            Dirs = @()
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
    } elseif ($prev -ne '' -and ($node.Files -contains $prev -or $node.Dirs -contains $prev)) {
        # a path: the entries of the typed directory that start with the typed name
        $dirsOnly = $node.Dirs -contains $prev
        $base = $wordToComplete.Substring(0, $wordToComplete.LastIndexOfAny([char[]]@('/', '\')) + 1)
        $sep = [System.IO.Path]::DirectorySeparatorChar
        Get-ChildItem -Path "$wordToComplete*" -Force -ErrorAction SilentlyContinue |
            Where-Object { $_.PSIsContainer -or -not $dirsOnly } |
            ForEach-Object {
                $text = if ($_.PSIsContainer) { "$base$($_.Name)$sep" } else { "$base$($_.Name)" }
                $quoted = if ($text -match '\s') { "'$($text -replace "'", "''")'" } else { $text }
                $kind = if ($_.PSIsContainer) { 'ProviderContainer' } else { 'ProviderItem' }
                [System.Management.Automation.CompletionResult]::new($quoted, $text, $kind, $text)
            }
        return
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
