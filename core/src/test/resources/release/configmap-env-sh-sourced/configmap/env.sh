# Mounted from ConfigMap api-cluster-env (key env.sh).
export RELEASE_DISTRIBUTION=name
export RELEASE_NODE="api@${POD_IP}"
export RELEASE_COOKIE="$(cat /etc/cluster-secret/cookie)"
