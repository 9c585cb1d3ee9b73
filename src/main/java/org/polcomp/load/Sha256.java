package org.polcomp.load;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, by which the outputs name their inputs (the About sheet, the data package).
 *
 * <p>A digest is made by copying one that is never used, not by {@code getInstance}: each of
 * those looks the provider up and makes the digest by reflection, which from the sixteenth call
 * on has the JDK generate an accessor class first, a sixtieth of a short comparison (one digest
 * per input file).
 */
public final class Sha256 {
  private Sha256() {}

  // never updated, only copied: a copy shares none of its state
  private static final MessageDigest BLANK = make();

  private static MessageDigest make() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A new SHA-256 digest, empty. */
  public static MessageDigest fresh() {
    try {
      return (MessageDigest) BLANK.clone();
    } catch (CloneNotSupportedException e) {
      return make(); // a provider whose digest cannot be copied (the JDK's can)
    }
  }

  /** The SHA-256 of {@code bytes} in lower-case hex. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(fresh().digest(bytes));
  }
}
