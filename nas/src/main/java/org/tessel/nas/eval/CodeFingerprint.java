package org.tessel.nas.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A digest of the compiled code a result depends on (the jar or class directory each class comes
 * from), so that cached results of an older simulator or scheduler are never reused.
 */
public final class CodeFingerprint {
  private static final Map<String, String> MEMO = new ConcurrentHashMap<>();

  private CodeFingerprint() {}

  /** The digest of the code locations of {@code classes}. */
  public static String of(Class<?>... classes) {
    StringBuilder sb = new StringBuilder();
    for (Class<?> c : classes) {
      CodeSource src = c.getProtectionDomain().getCodeSource();
      if (src == null || src.getLocation() == null) {
        sb.append(c.getName()).append(' ');
        continue;
      }
      String loc = src.getLocation().toString();
      sb.append(MEMO.computeIfAbsent(loc, CodeFingerprint::digestOf)).append(' ');
    }
    return ContentKey.digest(sb.toString());
  }

  private static String digestOf(String location) {
    try {
      Path p = Path.of(new java.net.URI(location));
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      if (Files.isDirectory(p)) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(p)) {
          files =
              s.filter(f -> f.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        for (Path f : files) {
          md.update(p.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
          md.update(Files.readAllBytes(f));
        }
      } else {
        md.update(Files.readAllBytes(p));
      }
      StringBuilder sb = new StringBuilder();
      for (byte b : md.digest()) {
        sb.append(String.format("%02x", b));
      }
      return sb.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException | NoSuchAlgorithmException | IllegalArgumentException e) {
      return location;
    }
  }
}
