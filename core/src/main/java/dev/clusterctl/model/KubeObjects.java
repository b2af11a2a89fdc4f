package dev.clusterctl.model;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns fabric8's Kubernetes objects into the model's records. The same conversion serves
 * objects read from files and objects read from the API.
 */
public final class KubeObjects {

  private final String defaultNamespace;
  private final Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();

  /**
   * A converter for objects whose namespace defaults to {@code defaultNamespace}, resolving
   * {@code configMapKeyRef}/{@code envFrom} against {@code configMaps}.
   */
  public KubeObjects(String defaultNamespace, List<ConfigMap> configMaps) {
    this.defaultNamespace = defaultNamespace;
    for (ConfigMap cm : configMaps) {
      Map<String, String> data = cm.getData() == null ? Map.of() : cm.getData();
      this.configMaps.put(namespaceOf(cm.getMetadata().getNamespace()) + "/" + cm.getMetadata().getName(), data);
    }
  }

  /** The namespace an object is in: its own, or the default one. */
  public String namespaceOf(String namespace) {
    return namespace == null || namespace.isEmpty() ? defaultNamespace : namespace;
  }

  /** A Service as the model sees it. */
  public ServiceInfo service(Service s, String origin) {
    ServiceSpec spec = s.getSpec() == null ? new ServiceSpec() : s.getSpec();
    List<ServicePort> ports = new ArrayList<>();
    if (spec.getPorts() != null) {
      for (io.fabric8.kubernetes.api.model.ServicePort p : spec.getPorts()) {
        int port = p.getPort() == null ? 0 : p.getPort();
        PortRef target = portRef(p.getTargetPort(), port);
        ports.add(new ServicePort(p.getName(), p.getProtocol() == null ? "TCP" : p.getProtocol(), port, target));
      }
    }
    return new ServiceInfo(
        namespaceOf(s.getMetadata().getNamespace()),
        s.getMetadata().getName(),
        spec.getClusterIP(),
        spec.getType() == null ? "ClusterIP" : spec.getType(),
        spec.getSelector() == null ? Map.of() : spec.getSelector(),
        ports,
        Boolean.TRUE.equals(spec.getPublishNotReadyAddresses()),
        origin);
  }

  /** A Deployment as the model sees it. */
  public WorkloadInfo deployment(Deployment d, String origin) {
    String ns = namespaceOf(d.getMetadata().getNamespace());
    Integer replicas = d.getSpec() == null ? null : d.getSpec().getReplicas();
    PodTemplateSpec t = d.getSpec() == null ? null : d.getSpec().getTemplate();
    return new WorkloadInfo(WorkloadKind.DEPLOYMENT, ns, d.getMetadata().getName(), replicas == null ? 1 : replicas, null, template(t, ns), origin);
  }

  /** A StatefulSet as the model sees it. */
  public WorkloadInfo statefulSet(StatefulSet s, String origin) {
    String ns = namespaceOf(s.getMetadata().getNamespace());
    Integer replicas = s.getSpec() == null ? null : s.getSpec().getReplicas();
    PodTemplateSpec t = s.getSpec() == null ? null : s.getSpec().getTemplate();
    String serviceName = s.getSpec() == null ? null : s.getSpec().getServiceName();
    return new WorkloadInfo(WorkloadKind.STATEFULSET, ns, s.getMetadata().getName(), replicas == null ? 1 : replicas, serviceName, template(t, ns), origin);
  }

  private PodTemplate template(PodTemplateSpec t, String ns) {
    if (t == null) {
      return new PodTemplate(Map.of(), null, null, false, List.of());
    }
    Map<String, String> labels = t.getMetadata() == null || t.getMetadata().getLabels() == null ? Map.of() : t.getMetadata().getLabels();
    PodSpec spec = t.getSpec() == null ? new PodSpec() : t.getSpec();
    List<ContainerInfo> containers = new ArrayList<>();
    if (spec.getContainers() != null) {
      for (Container c : spec.getContainers()) {
        containers.add(container(c, ns, mountedFiles(c, spec, ns)));
      }
    }
    List<String> resolverOptions = new ArrayList<>();
    if (spec.getDnsConfig() != null && spec.getDnsConfig().getOptions() != null) {
      for (io.fabric8.kubernetes.api.model.PodDNSConfigOption o : spec.getDnsConfig().getOptions()) {
        if (o.getName() != null) {
          resolverOptions.add(o.getName() + (o.getValue() == null ? "" : ":" + o.getValue()));
        }
      }
    }
    return new PodTemplate(
        labels, blankToNull(spec.getHostname()), blankToNull(spec.getSubdomain()), Boolean.TRUE.equals(spec.getSetHostnameAsFQDN()), containers,
        resolverOptions);
  }

  /**
   * The files that ConfigMap volumes among the inputs put into container {@code c}, by the path the
   * container sees: {@code mountPath/KEY} (or the {@code items} path), or {@code mountPath} itself
   * with a {@code subPath}.
   */
  private Map<String, String> mountedFiles(Container c, PodSpec spec, String ns) {
    Map<String, String> files = new LinkedHashMap<>();
    if (c.getVolumeMounts() == null || spec.getVolumes() == null) {
      return files;
    }
    for (VolumeMount m : c.getVolumeMounts()) {
      ConfigMapVolumeSource cm = spec.getVolumes().stream().filter(v -> v.getName() != null && v.getName().equals(m.getName()))
          .map(Volume::getConfigMap).filter(Objects::nonNull).findFirst().orElse(null);
      Map<String, String> data = cm == null ? null : configMaps.get(ns + "/" + cm.getName());
      if (data == null || m.getMountPath() == null) {
        continue;
      }
      String base = m.getMountPath().endsWith("/") ? m.getMountPath() : m.getMountPath() + "/";
      Map<String, String> paths = new LinkedHashMap<>();
      if (cm.getItems() != null && !cm.getItems().isEmpty()) {
        cm.getItems().forEach(i -> paths.put(i.getPath(), i.getKey()));
      } else {
        data.keySet().forEach(k -> paths.put(k, k));
      }
      if (m.getSubPath() != null && !m.getSubPath().isEmpty()) {
        String key = paths.get(m.getSubPath());
        if (key != null && data.containsKey(key)) {
          files.put(m.getMountPath(), data.get(key));
        }
      } else {
        paths.forEach((path, key) -> {
          if (data.containsKey(key)) {
            files.put(base + path, data.get(key));
          }
        });
      }
    }
    return files;
  }

  private ContainerInfo container(Container c, String ns, Map<String, String> files) {
    List<ContainerPort> ports = new ArrayList<>();
    if (c.getPorts() != null) {
      for (io.fabric8.kubernetes.api.model.ContainerPort p : c.getPorts()) {
        ports.add(new ContainerPort(blankToNull(p.getName()), p.getContainerPort() == null ? 0 : p.getContainerPort(), p.getProtocol() == null ? "TCP" : p.getProtocol()));
      }
    }
    List<EnvVar> env = new ArrayList<>();
    List<String> elsewhere = new ArrayList<>();
    if (c.getEnvFrom() != null) {
      for (EnvFromSource from : c.getEnvFrom()) {
        String prefix = from.getPrefix() == null ? "" : from.getPrefix();
        if (from.getConfigMapRef() != null) {
          Map<String, String> data = configMaps.get(ns + "/" + from.getConfigMapRef().getName());
          if (data != null) {
            data.forEach((k, v) -> env.add(new EnvVar(prefix + k, v, "configMapRef:" + from.getConfigMapRef().getName())));
          } else {
            elsewhere.add("configMapRef:" + from.getConfigMapRef().getName());
          }
        } else if (from.getSecretRef() != null) {
          elsewhere.add("secretRef:" + from.getSecretRef().getName());
        }
      }
    }
    if (c.getEnv() != null) {
      for (io.fabric8.kubernetes.api.model.EnvVar e : c.getEnv()) {
        env.add(envVar(e, ns));
      }
    }
    return new ContainerInfo(c.getName(), ports, env, Optional.ofNullable(c.getReadinessProbe()).map(KubeObjects::describeProbe),
        c.getCommand() == null ? List.of() : c.getCommand(), c.getArgs() == null ? List.of() : c.getArgs(), elsewhere, files);
  }

  private EnvVar envVar(io.fabric8.kubernetes.api.model.EnvVar e, String ns) {
    EnvVarSource src = e.getValueFrom();
    if (src == null) {
      return EnvVar.literal(e.getName(), e.getValue() == null ? "" : e.getValue());
    }
    if (src.getFieldRef() != null) {
      return new EnvVar(e.getName(), null, "fieldRef:" + src.getFieldRef().getFieldPath());
    }
    if (src.getSecretKeyRef() != null) {
      return new EnvVar(e.getName(), null, "secretKeyRef:" + src.getSecretKeyRef().getName() + "/" + src.getSecretKeyRef().getKey());
    }
    if (src.getConfigMapKeyRef() != null) {
      String name = src.getConfigMapKeyRef().getName();
      String key = src.getConfigMapKeyRef().getKey();
      Map<String, String> data = configMaps.get(ns + "/" + name);
      return new EnvVar(e.getName(), data == null ? null : data.get(key), "configMapKeyRef:" + name + "/" + key);
    }
    if (src.getResourceFieldRef() != null) {
      return new EnvVar(e.getName(), null, "resourceFieldRef:" + src.getResourceFieldRef().getResource());
    }
    return new EnvVar(e.getName(), null, "valueFrom");
  }

  private static String describeProbe(Probe p) {
    if (p.getExec() != null && p.getExec().getCommand() != null) {
      return "exec " + String.join(" ", p.getExec().getCommand());
    }
    if (p.getHttpGet() != null) {
      return "httpGet " + (p.getHttpGet().getPath() == null ? "/" : p.getHttpGet().getPath()) + " port " + portRef(p.getHttpGet().getPort(), 0);
    }
    if (p.getTcpSocket() != null) {
      return "tcpSocket port " + portRef(p.getTcpSocket().getPort(), 0);
    }
    if (p.getGrpc() != null) {
      return "grpc port " + p.getGrpc().getPort();
    }
    return "probe";
  }

  private static PortRef portRef(IntOrString v, int fallback) {
    if (v == null) {
      return PortRef.number(fallback);
    }
    if (v.getIntVal() != null) {
      return PortRef.number(v.getIntVal());
    }
    String s = v.getStrVal();
    if (s != null && s.chars().allMatch(Character::isDigit) && !s.isEmpty()) {
      return PortRef.number(Integer.parseInt(s));
    }
    return PortRef.named(s);
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
