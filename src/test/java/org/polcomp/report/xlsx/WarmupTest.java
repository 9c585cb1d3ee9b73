package org.polcomp.report.xlsx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.report.Sample;

class WarmupTest {
  @TempDir Path dir;

  @Test
  void aWorkbookIsTheSameAfterTheWarmup() throws IOException {
    byte[] before = XlsxWriterTest.bytes(Sample.report(7), new XlsxWriter());
    Warmup.run();
    byte[] after = XlsxWriterTest.bytes(Sample.report(7), new XlsxWriter());
    assertArrayEquals(before, after);
  }

  // A run may end (an invalid dataset, say) while the warmup is still at work: it must not
  // have anything on disk then. Its own JVM, so that its temporary folder holds only its files.
  @Test
  void theWarmupMakesNoFileAndPrintsNothing() throws IOException, InterruptedException {
    Path tmp = Files.createDirectory(dir.resolve("tmp"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp",
        System.getProperty("java.class.path"), WarmupSmoke.class.getName())
        .redirectOutput(dir.resolve("stdout").toFile())
        .redirectError(dir.resolve("stderr").toFile())
        .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "warmup finished");
    assertEquals(0, p.exitValue());
    assertEquals("", Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8));
    assertEquals("", Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.toList());
    }
  }
}
