package dev.clusterctl.fix;

import com.fasterxml.jackson.databind.JsonNode;

/** One change to what the team deploys or ships: a field of a manifest, or a line of a release file. */
public sealed interface Change {

  /** What it changes, in words ({@code Deployment/payments/ledger spec.template.spec.subdomain}, {@code config/vm.args.src:3}). */
  String where();

  /**
   * A field of one object among the inputs set to {@code after} ({@code null}: removed).
   *
   * @param object the object
   * @param path the field
   * @param after the new value; for a list item, the whole item
   */
  record ObjectField(ObjectKey object, FieldPath path, JsonNode after) implements Change {
    @Override
    public String where() {
      return object + " " + path;
    }
  }

  /**
   * A whole object added to the inputs (the Corefile's ConfigMap when it was not among them).
   *
   * @param object the object's key
   * @param manifest the object as JSON
   * @param note why it is whole and what applying it replaces
   */
  record NewObject(ObjectKey object, JsonNode manifest, String note) implements Change {
    @Override
    public String where() {
      return object + " (new)";
    }
  }

  /**
   * One line of a release file replaced, added or removed.
   *
   * @param file the file's path as the inputs named it
   * @param line the 1-based line; for an added line, the line it is inserted before (one past the
   *     last line appends)
   * @param before the line as it is, or {@code null} for an added line
   * @param after the line as it becomes, or {@code null} for a removed line
   */
  record FileLine(String file, int line, String before, String after) implements Change {
    @Override
    public String where() {
      return file + ":" + line;
    }
  }

  /**
   * Text on one line of a release file replaced: the first {@code find} on line {@code line}
   * becomes {@code replace} (a setting's string literal, where the rest of the line stays as the
   * team wrote it).
   *
   * @param file the file as the inputs named it
   * @param line the 1-based line
   * @param find the text as it is ({@code "shop-cluster"}, with its quotes)
   * @param replace the text it becomes
   */
  record TextOnLine(String file, int line, String find, String replace) implements Change {
    @Override
    public String where() {
      return file + ":" + line;
    }
  }

  /**
   * A key of gen_cluster's discovery map in sys.config set to a term, written on the line that
   * holds the key, or added just after the map's opening {@code #{} when the key is absent.
   *
   * @param file the sys.config as the inputs named it
   * @param key the key ({@code host_type}, {@code record_type}, {@code domain})
   * @param value the term as written ({@code hostname}, {@code ip}, {@code "ledger-dist.payments"})
   */
  record DiscoverySetting(String file, String key, String value) implements Change {
    @Override
    public String where() {
      return file + " gen_cluster discovery " + key + " => " + value;
    }
  }

  /**
   * A directive added to the Corefile's {@code kubernetes} block for {@code zone}: written as the
   * {@code kube-system/coredns} ConfigMap's edit when it is among the inputs, as a line of the
   * {@code --corefile} file, or as the whole ConfigMap (kubeadm's default with the directive) when
   * the Corefile was assumed.
   *
   * @param zone the cluster domain whose block changes
   * @param directive the line added ({@code endpoint_pod_names})
   */
  record CorefileDirective(String zone, String directive) implements Change {
    @Override
    public String where() {
      return "Corefile kubernetes " + zone + " { " + directive + " }";
    }
  }
}
