package org.polcomp.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.polcomp.load.CodebookLoader;
import org.polcomp.load.Limits;

/**
 * The memory of an analysis does not grow with the number of samples: millions of samples run in
 * a heap far smaller than a number kept per sample would need.
 */
class AnalysisMemoryTest {
  /** Runs an analysis of no municipalities with the samples of the first argument. */
  public static final class Run {
    public static void main(String[] args) throws Exception {
      Result r = Analysis.run(new CodebookLoader(Limits.DEFAULT).defaults(), List.of(),
          new Settings(Integer.parseInt(args[0]), 1, 0.5));
      System.out.println(r.summary().samples());
    }
  }

  @Test
  void sixMillionSamplesRunInAHeapOf32MiB() throws Exception {
    // a seed per sample alone would be 48 MB
    int samples = 6_000_000;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx32m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), Run.class.getName(), String.valueOf(samples))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertEquals(String.valueOf(samples), out.strip());
  }
}
