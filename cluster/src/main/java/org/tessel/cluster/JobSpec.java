package org.tessel.cluster;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every member needs to build a job's {@link Work}: its kind ({@code profile}, {@code
 * search}), the options that define the units' results, and the content of the input files they
 * name (members on other machines do not have them), keyed by the name the options use.
 */
public final class JobSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final ArrayList<String> args;
  private final LinkedHashMap<String, byte[]> files;
  private final String fingerprint;
  private final String id;

  /** A job; {@code fingerprint} is the coordinator's code digest. */
  public JobSpec(String kind, List<String> args, Map<String, byte[]> files, String fingerprint) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.args = new ArrayList<>(args);
    this.files = new LinkedHashMap<>();
    files.forEach((k, v) -> this.files.put(k, v.clone()));
    this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
    this.id = digest();
  }

  /** The kind of work. */
  public String kind() {
    return kind;
  }

  /** The options. */
  public List<String> args() {
    return List.copyOf(args);
  }

  /** The input files by name (copies). */
  public Map<String, byte[]> files() {
    Map<String, byte[]> out = new LinkedHashMap<>();
    files.forEach((k, v) -> out.put(k, v.clone()));
    return out;
  }

  /** The coordinator's code fingerprint. */
  public String fingerprint() {
    return fingerprint;
  }

  /** A digest of everything above: equal jobs have equal ids. */
  public String id() {
    return id;
  }

  private String digest() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((kind + "\0" + fingerprint + "\0").getBytes(StandardCharsets.UTF_8));
      for (String a : args) {
        md.update((a + "\0").getBytes(StandardCharsets.UTF_8));
      }
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        md.update(
            (e.getKey() + "\0" + e.getValue().length + "\0").getBytes(StandardCharsets.UTF_8));
        md.update(e.getValue());
      }
      StringBuilder sb = new StringBuilder();
      byte[] d = md.digest();
      for (int i = 0; i < 16; i++) {
        sb.append(String.format("%02x", d[i]));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
