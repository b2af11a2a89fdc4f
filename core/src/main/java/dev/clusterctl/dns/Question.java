package dev.clusterctl.dns;

import org.xbill.DNS.Type;

/**
 * One absolute name to ask for one record type, as {@code inet_res:lookup/3} asks it (no search list).
 *
 * @param name the name, absolute (a trailing dot is added when missing)
 * @param type the dnsjava {@link Type}
 */
public record Question(String name, int type) {

  /** Makes the name absolute. */
  public Question {
    name = name.endsWith(".") ? name : name + ".";
  }

  /** E.g. {@code ledger-0.ledger.payments.svc.cluster.local. A}. */
  @Override
  public String toString() {
    return name + " " + Type.string(type);
  }
}
