package org.polcomp.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TallyTest {
  // Shares of small counts are boxed once; they must be the very values a division gives.
  @Test
  void sharesAreTheQuotientBitForBit() {
    for (long n = 1; n <= 100; n++) {
      for (long a = 0; a <= n; a++) {
        double expected = (double) a / n;
        assertEquals(Double.doubleToRawLongBits(expected),
            Double.doubleToRawLongBits(Tally.share(a, n - a)), a + "/" + n);
      }
    }
    assertEquals(0.75, Tally.share(3_000_000_000L, 1_000_000_000L));
    assertNull(Tally.share(0, 0));
  }

  @Test
  void sharesOfSmallCountsAreOneInstance() {
    assertSame(Tally.share(1, 2), Tally.share(1, 2));
    assertSame(Tally.share(0, 32), Tally.share(0, 32));
  }
}
