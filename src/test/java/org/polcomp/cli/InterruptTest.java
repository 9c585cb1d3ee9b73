package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.bench.Generator;
import org.polcomp.load.CodebookLoader;
import org.polcomp.load.Limits;

/**
 * SIGINT while a compare writes its workbook: the previous output stays and the temporary file
 * is removed (by the shutdown hook of the atomic write).
 */
class InterruptTest {
  @TempDir Path dir;

  @Test
  void interruptedCompareLeavesThePreviousOutput() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
        "needs kill(1)");
    Path data = dir.resolve("data");
    new Generator(new CodebookLoader(Limits.DEFAULT).defaults(), 7L).write(3_000, data);
    Path outDir = Files.createDirectories(dir.resolve("out"));
    Path out = outDir.resolve("comparison.xlsx");
    Files.writeString(out, "previous");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "org.polcomp.cli.Main", "compare", data.toString(), "-o", out.toString(), "-q")
        .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
    // Interrupt while the workbook is being written: as soon as its temporary file appears.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    boolean writing = false;
    while (!writing && p.isAlive() && System.nanoTime() < deadline) {
      try (Stream<Path> s = Files.list(outDir)) {
        writing = s.anyMatch(f -> f.getFileName().toString().startsWith(".comparison.xlsx."));
      }
      Thread.sleep(20);
    }
    assumeTrue(writing && p.isAlive(), "the compare finished before it could be interrupted");
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
    assertEquals(0, kill.waitFor());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the compare did not stop");
    assertEquals(130, p.exitValue(), Files.readString(dir.resolve("log.txt")));
    assertEquals("previous", Files.readString(out));
    try (Stream<Path> s = Files.list(outDir)) {
      assertEquals(List.of("comparison.xlsx"), s.map(f -> f.getFileName().toString()).toList());
    }
    assertTrue(!Files.readString(dir.resolve("log.txt")).contains("\tat "), "no stack trace");
  }
}
