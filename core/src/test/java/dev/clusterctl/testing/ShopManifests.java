package dev.clusterctl.testing;

/**
 * The small set-up many tests start from: a headless Service shop-headless and a Deployment shop
 * (2 replicas) in namespace prod, selected by {@code app: shop}, with one container, shop.
 */
public final class ShopManifests {

  private static final String SHOP = """
      apiVersion: v1
      kind: Service
      metadata: {name: shop-headless, namespace: prod}
      spec:
        clusterIP: None
        selector: {app: shop}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: shop, namespace: prod}
      spec:
        replicas: 2
        selector: {matchLabels: {app: shop}}
        template:
          metadata: {labels: {app: shop}}
          spec:
            containers:
            - name: shop
              image: shop:1
      %s""";

  private ShopManifests() {}

  /** The manifests with {@code container}'s lines (written from column 0: {@code env:}, {@code command:}) as the container's further fields. */
  public static String shop(String container) {
    return SHOP.formatted(container.indent(8));
  }
}
