package dev.clusterctl.kube;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a YAML scalar is to kubectl: the YAML 1.1 rules of the go-yaml v2 parser that {@code kubectl
 * apply -f} reads manifests with (through sigs.k8s.io/yaml, which turns YAML into JSON before the
 * object is decoded).
 *
 * <p>A plain (unquoted) scalar is resolved: {@code y}, {@code yes}, {@code on}, {@code true} and
 * their capitalised forms are {@code true}, {@code n}, {@code no}, {@code off}, {@code false}
 * {@code false}; {@code ~}, {@code null} and nothing are null; numbers follow Go's
 * {@code strconv.ParseInt} with base prefixes ({@code 0x1F}, {@code 0o17}, {@code 0b101}, a
 * leading {@code 0} is octal) after every {@code _} is dropped, then a YAML-style float
 * ({@code 1.10} is the number 1.1). A quoted scalar is a string; an explicit tag ({@code !!str},
 * {@code !!int}, …) decides instead, as in go-yaml. Timestamps stay strings, as go-yaml leaves them
 * when decoding into JSON. Checked against {@code kubectl annotate --local -f FILE -o json} in
 * {@code ManifestReaderKubectlTest}.
 */
final class GoYamlScalar {

  /** The value of a resolved scalar: a String, Boolean, Long, BigInteger, Double, or {@link #NULL}. */
  static final Object NULL = new Object();

  static final String STR = "tag:yaml.org,2002:str";
  static final String BOOL = "tag:yaml.org,2002:bool";
  static final String INT = "tag:yaml.org,2002:int";
  static final String FLOAT = "tag:yaml.org,2002:float";
  static final String TIMESTAMP = "tag:yaml.org,2002:timestamp";
  static final String BINARY = "tag:yaml.org,2002:binary";
  static final String NULL_TAG = "tag:yaml.org,2002:null";

  private static final Map<String, Object> WORDS = new HashMap<>();

  static {
    for (String s : new String[] {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
      WORDS.put(s, Boolean.TRUE);
    }
    for (String s : new String[] {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) {
      WORDS.put(s, Boolean.FALSE);
    }
    for (String s : new String[] {"", "~", "null", "Null", "NULL"}) {
      WORDS.put(s, NULL);
    }
    for (String s : new String[] {".nan", ".NaN", ".NAN"}) {
      WORDS.put(s, Double.NaN);
    }
    for (String s : new String[] {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
      WORDS.put(s, Double.POSITIVE_INFINITY);
    }
    for (String s : new String[] {"-.inf", "-.Inf", "-.INF"}) {
      WORDS.put(s, Double.NEGATIVE_INFINITY);
    }
  }

  private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern GO_FLOAT = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");

  private GoYamlScalar() {}

  /** A resolved scalar: its value and the tag go-yaml gives it. */
  record Resolved(Object value, String tag) {}

  /**
   * Resolves {@code text} with the given explicit tag, or none ({@code null}) for a plain scalar.
   *
   * @throws IllegalArgumentException with go-yaml's wording when an explicit tag does not fit
   */
  static Resolved resolve(String tag, String text) {
    Resolved r = resolveTag(tag == null ? "" : tag, text);
    if (tag == null || tag.isEmpty() || tag.equals(r.tag) || tag.equals(STR) || tag.equals(BINARY)) {
      return r;
    }
    if (tag.equals(FLOAT) && r.tag.equals(INT)) {
      return new Resolved(r.value instanceof BigInteger b ? b.doubleValue() : ((Number) r.value).doubleValue(), FLOAT);
    }
    throw new IllegalArgumentException("cannot decode " + shortTag(r.tag) + " `" + text + "` as a " + shortTag(tag));
  }

  private static Resolved resolveTag(String tag, String in) {
    if (!(tag.isEmpty() || tag.equals(STR) || tag.equals(BOOL) || tag.equals(INT) || tag.equals(FLOAT) || tag.equals(TIMESTAMP))) {
      return new Resolved(in, tag);
    }
    char hint = in.isEmpty() ? 'N' : hint(in.charAt(0));
    if (hint == 0 || tag.equals(STR) || tag.equals(BINARY)) {
      return new Resolved(in, STR);
    }
    Object word = WORDS.get(in);
    if (word != null) {
      return new Resolved(word, word == NULL ? NULL_TAG : word instanceof Boolean ? BOOL : FLOAT);
    }
    if (hint == '.') {
      if (GO_FLOAT.matcher(in).matches()) {
        return new Resolved(Double.parseDouble(in), FLOAT);
      }
    } else if (hint == 'D' || hint == 'S') {
      if (looksLikeTimestamp(in)) {
        return new Resolved(in, TIMESTAMP);
      }
      String plain = in.replace("_", "");
      BigInteger n = parseGoInt(plain);
      if (n != null && n.bitLength() < 64) {
        return new Resolved(n.longValue(), INT);
      }
      if (n != null && n.signum() > 0 && n.bitLength() <= 64 && plain.charAt(0) != '+') {
        return new Resolved(n, INT);
      }
      if (YAML_FLOAT.matcher(plain).matches()) {
        return new Resolved(Double.parseDouble(plain), FLOAT);
      }
    }
    return new Resolved(in, STR);
  }

  /** go-yaml's first-character hint: which kinds a plain scalar starting with {@code c} may be. */
  private static char hint(char c) {
    if (c >= '0' && c <= '9') {
      return 'D';
    }
    return switch (c) {
      case '+', '-' -> 'S';
      case '.' -> '.';
      case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O', '~' -> 'M';
      default -> 0;
    };
  }

  /**
   * Go's {@code strconv.ParseInt(s, 0, 64)} / {@code ParseUint}: an optional sign, a base prefix
   * ({@code 0x}, {@code 0o}, {@code 0b}, or {@code 0} for octal), digits of that base. {@code null}
   * when it is not such an integer.
   */
  static BigInteger parseGoInt(String s) {
    int i = 0;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    int base = 10;
    if (s.length() - i >= 2 && s.charAt(i) == '0') {
      char p = Character.toLowerCase(s.charAt(i + 1));
      if (p == 'x') {
        base = 16;
        i += 2;
      } else if (p == 'o') {
        base = 8;
        i += 2;
      } else if (p == 'b') {
        base = 2;
        i += 2;
      } else {
        base = 8;
        i += 1;
      }
    }
    String digits = s.substring(i);
    if (digits.isEmpty()) {
      return null;
    }
    for (int k = 0; k < digits.length(); k++) {
      if (Character.digit(digits.charAt(k), base) < 0 || digits.charAt(k) > 0x7f) {
        return null;
      }
    }
    BigInteger v = new BigInteger(digits, base);
    if (negative) {
      v = v.negate();
      return v.bitLength() < 64 ? v : null;
    }
    return v.bitLength() <= 64 ? v : null;
  }

  /** go-yaml's timestamp forms ({@code 2006-1-2}, with an optional time part): strings to kubectl. */
  private static boolean looksLikeTimestamp(String s) {
    return TIMESTAMP_FORM.matcher(s).matches();
  }

  private static final Pattern TIMESTAMP_FORM =
      Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]*)?(Z|[-+][0-9]{1,2}(:[0-9]{2})?)?)?");

  static String shortTag(String tag) {
    return tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : tag;
  }

  /** How go-yaml names a resolved value's type, for messages. */
  static String typeName(Object value) {
    if (value == NULL) {
      return "null";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof String) {
      return "a string";
    }
    return "a number";
  }
}
