package org.polcomp.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** How a message quotes a value of the input. */
class DiagnosticTest {
  @Test
  void aShortValueIsQuotedWholeALongOneCut() {
    assertEquals("x".repeat(60), Diagnostic.clip("x".repeat(60)));
    assertEquals("x".repeat(57) + "...", Diagnostic.clip("x".repeat(61)));
    assertEquals(60, Diagnostic.clip("y".repeat(1_000_000)).length());
  }

  @Test
  void aCutNeverSplitsAPairOfSurrogates() {
    // an emoji (two chars) across the 57th character: left out whole, not halved
    String s = "x".repeat(56) + "\uD83D\uDE00" + "z".repeat(10);
    String clipped = Diagnostic.clip(s);
    assertEquals("x".repeat(56) + "...", clipped);
    assertFalse(Character.isHighSurrogate(clipped.charAt(55)));
    String after = "x".repeat(55) + "\uD83D\uDE00" + "z".repeat(10);
    assertEquals("x".repeat(55) + "\uD83D\uDE00...", Diagnostic.clip(after));
  }
}
