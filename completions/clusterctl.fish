# fish completion for clusterctl, generated from its command model by 'clusterctl completion fish'.
# Install: clusterctl completion fish > ~/.config/fish/completions/clusterctl.fish

function __clusterctl_subcommands --description 'The subcommands of a command path'
    switch "$argv[1]"
        case ''
            printf '%s\n' 'help' 'doctor' 'resolve' 'join' 'completion' 'shell'
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
complete -c clusterctl -n '__clusterctl_at \'\'' -a 'doctor' -d 'Says whether the Erlang/Elixir nodes will form a cluster, and if not, why.'
complete -c clusterctl -n '__clusterctl_at \'\'' -a 'resolve' -d 'Does the DNS lookups a discovery library (gen_cluster, libcluster, dns_cluster) does and shows, attempt by attempt, what came back and the node names it would derive.'
complete -c clusterctl -n '__clusterctl_at \'\'' -a 'join' -d 'Discovers peers the way gen_cluster, libcluster or dns_cluster would and probes each one with the Erlang distribution handshake, as a hidden node: the port (EPMD or --dist-port), the node\'s status, the name it announces for itself versus the name DNS gives, and whether it accepts your cookie.'
complete -c clusterctl -n '__clusterctl_at \'\'' -a 'completion' -d 'Prints the completion script of a shell (bash, zsh, fish, powershell).'
complete -c clusterctl -n '__clusterctl_at \'\'' -a 'shell' -d 'Runs clusterctl commands interactively: TAB completes, history is kept in $XDG_CONFIG_HOME/clusterctl/history (else ~/.config/clusterctl/history).'
complete -c clusterctl -n '__clusterctl_at \'\'' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c clusterctl -n '__clusterctl_at \'\'' -s 'V' -l 'version' -d 'Print version information and exit.'

complete -c clusterctl -n '__clusterctl_at \'help\'' -s 'h' -l 'help' -d 'Show usage help for the help command and exit.'

complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'verbose' -d 'Show more detail: on stderr, the stack trace of a failure and (resolve) every DNS question asked; on stdout, in doctor\'s text report, the evidence of passing checks.'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -s 'q' -l 'quiet' -d 'No progress line on stderr while waiting (there is one only on a terminal, when a wait passes a second, and it is erased when the wait ends).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'color' -r -f -a 'auto always never' -d 'Colour output: auto, always, never (default: auto; NO_COLOR turns it off even with always, CLICOLOR_FORCE turns auto on).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -s 'f' -l 'filename' -r -F -d 'Manifest file, directory (recursive: *.yaml, *.yml, *.json) or - for stdin.'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -s 'k' -l 'kustomize' -r -f -a '(__fish_complete_directories (commandline -ct))' -d 'Kustomization directory, rendered with \'kubectl kustomize\'.'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'corefile' -r -F -d 'CoreDNS Corefile (default: a coredns ConfigMap among the inputs, else kubeadm\'s default).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'sys-config' -r -F -d 'The release\'s sys.config (gen_cluster\'s discovery).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'vm-args' -r -F -d 'The release\'s vm.args (-name/-sname, -setcookie).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'release-env' -r -F -d 'The release\'s env.sh (or the project\'s rel/env.sh.eex): RELEASE_DISTRIBUTION, RELEASE_NODE, RELEASE_COOKIE.'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'strategy' -r -f -a 'gen-cluster libcluster-dns libcluster-dnssrv libcluster-dnspoll dns-cluster' -d 'Discovery library: gen-cluster, libcluster-dns, libcluster-dnssrv, libcluster-dnspoll, dns-cluster (default: gen-cluster with --sys-config).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'basename' -r -f -d 'The basename the discovery library puts before \'@\' (libcluster\'s application_name).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'domain' -r -f -d 'The name the discovery library queries (overrides sys.config\'s domain).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'service' -r -f -a '(__clusterctl_runtime_values)' -d 'The headless Service peers are found through (default: from the discovery domain).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'workload' -r -f -d 'The workload: deploy/NAME or sts/NAME (default: the one the Service selects).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -s 'n' -l 'namespace' -r -f -a '(__clusterctl_runtime_values)' -d 'Namespace of objects that have none (default: default).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'cluster-domain' -r -f -d 'The kubelet\'s cluster domain (default: the Corefile\'s, else cluster.local).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'kubeconfig' -r -F -d 'Without -f/-k: the kubeconfig (default: KUBECONFIG, ~/.kube/config, or the pod\'s service account).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'context' -r -f -a '(__clusterctl_runtime_values)' -d 'Without -f/-k: the kubeconfig context (default: the current one).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'timeout' -r -f -d 'Without -f/-k: how long each Kubernetes API call may take, its whole answer included; each exec in a pod too (default: 10s).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'exec' -d 'Against the API: run \'hostname --fqdn\' in each pod (default: computed from the pod spec).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'exec-concurrency' -r -f -d 'How many execs run at once (default: 8).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'nameserver' -r -f -d 'Ask the discovery query of this DNS server (repeatable), with a pod\'s search list.'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'dns-port-forward' -d 'Against the API: port-forward to a CoreDNS pod and ask it over TCP.'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'local' -d 'Inside a pod: read this pod (hostname, /etc/hosts, resolv.conf, environment, the release\'s files) and ask its resolver.'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'release-dir' -r -f -a '(__fish_complete_directories (commandline -ct))' -d 'A built release or the project\'s source tree: vm.args, sys.config, rel/env.sh.eex, config/*.exs and lib/**/application.ex are read from it.'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -s 'o' -l 'output' -r -f -a 'text json junit sarif' -d 'Output: text, json, junit, sarif (default: text).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'list-checks' -d 'List the checks and exit.'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'only' -r -f -a '(__clusterctl_runtime_values)' -d 'Run only these checks.'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'skip' -r -f -a '(__clusterctl_runtime_values)' -d 'Do not run these checks.'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'fail-on' -r -f -a 'fail warn' -d 'Exit 1 on: fail, warn (default: fail).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'fix' -r -f -a '(__fish_complete_directories (commandline -ct))' -d 'Write the verified fix to DIR: kustomization.yaml with patches over the inputs (kubectl apply -k DIR), the changed release files, and rendered/, the whole fixed set-up (clusterctl doctor -f DIR/rendered passes).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'force' -d 'With --fix: write into DIR even when it is not empty (files of the same name are replaced).'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -l 'choose' -r -f -d 'With --fix: when the fix is a choice only you can make (the report lists the verified options), write option N.'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c clusterctl -n '__clusterctl_at \'doctor\'' -s 'V' -l 'version' -d 'Print version information and exit.'

complete -c clusterctl -n '__clusterctl_at \'resolve\'' -l 'nameserver' -r -f -d 'DNS server to ask (repeatable; same as @HOST[:PORT]).'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -l 'resolv-conf' -r -F -d 'Resolver configuration to use instead of /etc/resolv.conf (nameservers, search, ndots, timeout, attempts).'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -l 'tcp' -d 'Ask over TCP from the start (otherwise UDP, and TCP when an answer is truncated).'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -l 'timeout' -r -f -d 'The resolver\'s timeout: 2, 2s, 500ms.'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -l 'tries' -r -f -d 'Rounds through the server list per name (default 3, inet_res\'s retry; with --search libc resolv.conf\'s attempts, else 2).'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -l 'search' -r -f -a 'erlang libc none' -d 'Name expansion: erlang (inet_res: dotted names as-is first, ndots ignored), libc (glibc ndots rules), none.'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -l 'search-domains' -r -f -d 'Comma-separated search list to use instead of the resolv.conf\'s (\'\' for none).'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -l 'ndots' -r -f -d 'ndots for --search libc (default: resolv.conf\'s, 5 with --pod-namespace).'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -l 'pod-namespace' -r -f -d 'Ask as a pod in namespace NS would: search NS.svc.DOMAIN svc.DOMAIN DOMAIN, ndots 5.'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -l 'cluster-domain' -r -f -d 'Cluster domain for --pod-namespace (default: cluster.local).'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -l 'type' -r -f -a 'a aaaa srv' -d 'Record type: a, aaaa, srv (default: srv for _service._tcp names, else a).'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -l 'strategy' -r -f -a 'gen-cluster libcluster-dns libcluster-dnssrv libcluster-dnspoll dns-cluster' -d 'Discovery library whose naming to reproduce: gen-cluster, libcluster-dns, libcluster-dnssrv, libcluster-dnspoll, dns-cluster (default: gen-cluster).'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -l 'basename' -r -f -d 'Node basename (the part before @; libcluster\'s application_name).'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -l 'host-type' -r -f -a 'ip hostname' -d 'Host part of node names: ip or hostname (gen_cluster\'s host_type; default ip for A/AAAA, hostname for SRV).'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -l 'query' -r -f -d 'dns-cluster only (resolve): one more query looked up in the same run, as dns_cluster\'s query list does; BASENAME@NAME names its nodes BASENAME@ip ({basename, query}).'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -s 'o' -l 'output' -r -f -a 'table json short' -d 'Output: table (default), json (schemaVersion 1, see docs/resolve.md) or short (one node name a line).'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -l 'verbose' -d 'Show more detail: on stderr, the stack trace of a failure and (resolve) every DNS question asked; on stdout, in doctor\'s text report, the evidence of passing checks.'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -s 'q' -l 'quiet' -d 'No progress line on stderr while waiting (there is one only on a terminal, when a wait passes a second, and it is erased when the wait ends).'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -l 'color' -r -f -a 'auto always never' -d 'Colour output: auto, always, never (default: auto; NO_COLOR turns it off even with always, CLICOLOR_FORCE turns auto on).'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c clusterctl -n '__clusterctl_at \'resolve\'' -s 'V' -l 'version' -d 'Print version information and exit.'

complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'nameserver' -r -f -d 'DNS server to ask (repeatable; same as @HOST[:PORT]).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'resolv-conf' -r -F -d 'Resolver configuration to use instead of /etc/resolv.conf (nameservers, search, ndots, timeout, attempts).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'tcp' -d 'Ask over TCP from the start (otherwise UDP, and TCP when an answer is truncated).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'timeout' -r -f -d 'The resolver\'s timeout: 2, 2s, 500ms.'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'tries' -r -f -d 'Rounds through the server list per name (default 3, inet_res\'s retry; with --search libc resolv.conf\'s attempts, else 2).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'search' -r -f -a 'erlang libc none' -d 'Name expansion: erlang (inet_res: dotted names as-is first, ndots ignored), libc (glibc ndots rules), none.'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'search-domains' -r -f -d 'Comma-separated search list to use instead of the resolv.conf\'s (\'\' for none).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'ndots' -r -f -d 'ndots for --search libc (default: resolv.conf\'s, 5 with --pod-namespace).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'pod-namespace' -r -f -d 'Ask as a pod in namespace NS would: search NS.svc.DOMAIN svc.DOMAIN DOMAIN, ndots 5.'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'cluster-domain' -r -f -d 'Cluster domain for --pod-namespace (default: cluster.local).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'type' -r -f -a 'a aaaa srv' -d 'Record type: a, aaaa, srv (default: srv for _service._tcp names, else a).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'strategy' -r -f -a 'gen-cluster libcluster-dns libcluster-dnssrv libcluster-dnspoll dns-cluster' -d 'Discovery library whose naming to reproduce: gen-cluster, libcluster-dns, libcluster-dnssrv, libcluster-dnspoll, dns-cluster (default: gen-cluster).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'basename' -r -f -d 'Node basename (the part before @; libcluster\'s application_name).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'host-type' -r -f -a 'ip hostname' -d 'Host part of node names: ip or hostname (gen_cluster\'s host_type; default ip for A/AAAA, hostname for SRV).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'query' -r -f -d 'dns-cluster only (resolve): one more query looked up in the same run, as dns_cluster\'s query list does; BASENAME@NAME names its nodes BASENAME@ip ({basename, query}).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'cookie-file' -r -F -d 'Read the Erlang cookie from FILE (default: ~/.erlang.cookie when it exists).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'cookie-env' -r -f -d 'Read the Erlang cookie from environment variable NAME (e.g.'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'verbose' -d 'Show more detail: on stderr, the stack trace of a failure and (resolve) every DNS question asked; on stdout, in doctor\'s text report, the evidence of passing checks.'
complete -c clusterctl -n '__clusterctl_at \'join\'' -s 'q' -l 'quiet' -d 'No progress line on stderr while waiting (there is one only on a terminal, when a wait passes a second, and it is erased when the wait ends).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'color' -r -f -a 'auto always never' -d 'Colour output: auto, always, never (default: auto; NO_COLOR turns it off even with always, CLICOLOR_FORCE turns auto on).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'watch' -d 'Keep refreshing until Ctrl-C, SIGTERM or \'q\'.'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'as-node' -d 'See DNS as the node does: answers the library gets from inet_res:getbyname are served through inet_res\'s cache (cache_size 100) for their TTL, so peers an oversized answer hides come and go as they do in the node (use with --watch).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'interval' -r -f -d 'Pause between refreshes (default: sys.config\'s refresh_interval_ms, else 5s as gen_cluster and libcluster).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'sys-config' -r -F -d 'Take discovery from the release\'s sys.config (gen_cluster\'s discovery: dns or static) instead of DOMAIN.'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'vm-args' -r -F -d 'Take the basename (-name/-sname, ${VAR} from the environment) and the fixed dist port from the release\'s vm.args.'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'jitter' -r -f -d 'Add up to this much at random to each pause (default: 0s).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'count' -r -f -d 'With --watch: stop after N refreshes.'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'mesh' -d 'Ask every node for erlang:nodes() (rpc to rex) and show who is connected to whom; needs a cookie.'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'dist-port' -r -f -d 'The nodes\' fixed distribution port, EPMD-less (default: ERL_DIST_PORT, vm.args\' -erl_epmd_port; else ask EPMD).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'epmd-port' -r -f -d 'EPMD\'s port on each peer (default: ERL_EPMD_PORT or 4369).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'probe-timeout' -r -f -d 'Budget for each peer: EPMD, connect, handshake and RPC (default: 3s).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -l 'concurrency' -r -f -d 'Peers probed at once (default: 128).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -s 'o' -l 'output' -r -f -a 'table json live jsonl' -d 'table or json (default table); with --watch: live or jsonl (default live on a terminal, else jsonl).'
complete -c clusterctl -n '__clusterctl_at \'join\'' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c clusterctl -n '__clusterctl_at \'join\'' -s 'V' -l 'version' -d 'Print version information and exit.'

complete -c clusterctl -n '__clusterctl_at \'completion\'' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c clusterctl -n '__clusterctl_at \'completion\'' -s 'V' -l 'version' -d 'Print version information and exit.'
complete -c clusterctl -n '__clusterctl_at \'completion\'' -f -a 'bash zsh fish powershell' -d 'The shell: bash, zsh, fish, powershell.'

complete -c clusterctl -n '__clusterctl_at \'shell\'' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c clusterctl -n '__clusterctl_at \'shell\'' -s 'V' -l 'version' -d 'Print version information and exit.'
