package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class Sha256Test {
  private static String jdk(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void digestsAreTheJdksAndCopiesShareNothing() throws Exception {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Sha256.hex(new byte[0]));
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      byte[] b = new byte[r.nextInt(0, 5000)];
      r.nextBytes(b);
      assertEquals(jdk(b), Sha256.hex(b));
    }
    // a copy half-way through does not change what the next copy starts from
    MessageDigest half = Sha256.fresh();
    half.update(new byte[] {1, 2, 3});
    MessageDigest other = Sha256.fresh();
    assertNotSame(half, other);
    assertEquals(jdk(new byte[0]), HexFormat.of().formatHex(other.digest()));
    assertEquals(jdk(new byte[] {1, 2, 3}), HexFormat.of().formatHex(half.digest()));
  }

  @Test
  void threadsDigestAtOnceWithoutSharingState() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> work = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int seed = t;
        work.add(() -> {
          SplittableRandom r = new SplittableRandom(seed);
          for (int i = 0; i < 300; i++) {
            byte[] b = new byte[r.nextInt(1, 3000)];
            r.nextBytes(b);
            if (!jdk(b).equals(Sha256.hex(b))) {
              return false;
            }
          }
          return true;
        });
      }
      for (Future<Boolean> f : pool.invokeAll(work)) {
        assertEquals(true, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
