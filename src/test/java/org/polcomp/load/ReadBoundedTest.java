package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;

/**
 * A file is read whole at the size its attributes give, and still whole, and still within the
 * limit, when that size is not what it holds.
 */
class ReadBoundedTest {
  @TempDir Path dir;

  @Test
  void aFileIsReadAtItsSizeUpToTheLimitAndNoFurther() throws Exception {
    byte[] content = new byte[70_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) ('a' + i % 26);
    }
    Path f = Files.write(dir.resolve("a.yaml"), content);
    List<Diagnostic> diags = new ArrayList<>();
    assertArrayEquals(content, read(f, content.length, diags).bytes());
    assertArrayEquals(new byte[0],
        read(Files.write(dir.resolve("e.yaml"), new byte[0]), 10, diags).bytes());
    assertNull(read(f, content.length - 1, diags).bytes());
    assertEquals(List.of(Code.E003),
        diags.stream().map(Diagnostic::code).toList());
  }

  /** /proc files say they hold no bytes: what they hold is read, and the limit still holds. */
  @Test
  void aFileThatHoldsMoreThanItsSizeIsReadWholeOrRefusedAtTheLimit() throws Exception {
    Path status = Path.of("/proc/self/status");
    assumeTrue(Files.isRegularFile(status) && Files.size(status) == 0, "no /proc here");
    List<Diagnostic> diags = new ArrayList<>();
    byte[] whole = read(status, 1 << 20, diags).bytes();
    assertTrue(whole.length > 100 && new String(whole).startsWith("Name:"), new String(whole));
    assertTrue(diags.isEmpty(), diags.toString());
    DatasetLoader.Bytes cut = read(status, 50, diags);
    assertNull(cut.bytes());
    assertEquals(1, diags.size());
    assertEquals(Code.E003, diags.get(0).code());
    assertTrue(diags.get(0).message().contains("grew past the limit of 50"),
        diags.get(0).message());
  }

  private static DatasetLoader.Bytes read(Path f, long limit, List<Diagnostic> diags) {
    Limits limits = Limits.of(limit, Limits.DEFAULT.maxDepth(), Limits.DEFAULT.maxStringLength(),
        Limits.DEFAULT.maxAliases());
    return DatasetLoader.readLimited(f, f.getFileName().toString(), "policy file", limits, diags);
  }
}
