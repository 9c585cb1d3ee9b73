package org.polcomp.report;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output-target rules of the command line: links, devices, FIFOs, folders, stale files. */
class OutputTargetsTest {
  @TempDir Path dir;

  private static AtomicFile.Body text(String s) {
    return out -> out.write(s.getBytes(UTF_8));
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aSymbolicLinkKeepsBeingALinkAndItsTargetIsReplaced() throws IOException {
    Path target = Files.writeString(dir.resolve("real.json"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real.json"));
    AtomicFile.write(link, text("new"));
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(target));
    assertEquals(List.of("link.json", "real.json"), names());
  }

  @Test
  void aDanglingLinkCreatesTheFileItNames() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("made.json"));
    AtomicFile.write(link, text("new"));
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(dir.resolve("made.json")));
  }

  @Test
  void aLinkLoopIsAnErrorNotAHang() throws IOException {
    Files.createSymbolicLink(dir.resolve("a"), Path.of("b"));
    Files.createSymbolicLink(dir.resolve("b"), Path.of("a"));
    FileSystemException e = assertThrows(FileSystemException.class,
        () -> AtomicFile.write(dir.resolve("a"), text("x")));
    assertTrue(e.getMessage().contains("symbolic links"), e.getMessage());
  }

  @Test
  void devNullIsWrittenToAndStaysADevice() throws IOException {
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
    AtomicFile.write(devNull, text("report"));
    assertFalse(Files.isRegularFile(devNull), "/dev/null must stay a device");
  }

  @Test
  void aFullDeviceIsAWriteError() {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.exists(full));
    FileSystemException e = assertThrows(FileSystemException.class,
        () -> AtomicFile.write(full, text("x".repeat(1 << 21))));
    assertTrue(e.getMessage().contains("/dev/full"), e.getMessage());
  }

  @Test
  void aFifoIsWrittenToAndStaysAFifo() throws Exception {
    Path fifo = dir.resolve("pipe");
    Process mk;
    try {
      mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo on this machine");
      return;
    }
    assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
    CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return new String(in.readAllBytes(), UTF_8);
      } catch (IOException e) {
        return "failed: " + e;
      }
    });
    AtomicFile.write(fifo, text("through the pipe"));
    assertEquals("through the pipe", read.get(10, TimeUnit.SECONDS));
    assertFalse(Files.isRegularFile(fifo));
    assertTrue(Files.exists(fifo));
  }

  private void oldSet(Path out) throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("about.csv"), "old a");
    Files.writeString(out.resolve("measures.csv"), "old b");
  }

  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName() + "=" + read(p)).sorted().toList();
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "?";
    }
  }

  @Test
  void aFolderThatFailsHalfwayKeepsTheWholePreviousSet() throws IOException {
    Path out = dir.resolve("out");
    oldSet(out);
    IOException e = assertThrows(IOException.class, () ->
        AtomicFolder.write(out, CsvWriter::ours, folder -> {
          Files.writeString(folder.resolve("about.csv"), "new a");
          throw new IOException("No space left on device");
        }));
    assertTrue(e.getMessage().contains("previous files are left"), e.getMessage());
    assertEquals(List.of("about.csv=old a", "measures.csv=old b"), listing(out));
    assertEquals(List.of("out"), names(), "no temporary folder stays behind");
  }

  @Test
  void aFolderIsReplacedAsAWhole() throws IOException {
    Path out = dir.resolve("out");
    oldSet(out);
    AtomicFolder.write(out, CsvWriter::ours, folder -> {
      Files.writeString(folder.resolve("about.csv"), "new a");
      Files.writeString(folder.resolve("typology.csv"), "new c");
    });
    assertEquals(List.of("about.csv=new a", "typology.csv=new c"), listing(out));
    assertEquals(List.of("out"), names());
  }

  @Test
  void aFolderWithOtherFilesIsRefusedAndLeftAlone() throws IOException {
    Path out = dir.resolve("out");
    oldSet(out);
    Files.writeString(out.resolve("notes.txt"), "mine");
    AtomicFolder.ForeignFilesException e = assertThrows(AtomicFolder.ForeignFilesException.class,
        () -> AtomicFolder.write(out, CsvWriter::ours, folder -> { }));
    assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
    assertEquals(List.of("about.csv=old a", "measures.csv=old b", "notes.txt=mine"), listing(out));
  }

  @Test
  void aCsvFileOfTheUsersIsForeignToo() throws IOException {
    Path out = dir.resolve("out");
    oldSet(out);
    Files.writeString(out.resolve("my-survey-results.csv"), "mine");
    AtomicFolder.ForeignFilesException e = assertThrows(AtomicFolder.ForeignFilesException.class,
        () -> AtomicFolder.write(out, CsvWriter::ours, folder -> { }));
    assertTrue(e.getMessage().contains("my-survey-results.csv"), e.getMessage());
    assertEquals(List.of("about.csv=old a", "measures.csv=old b", "my-survey-results.csv=mine"),
        listing(out));
  }

  @Test
  void oursAreTheFilesOfTheFolderTablesAndTheDescriptor() {
    for (TableSchema t : Columns.IN_FOLDERS) {
      assertTrue(CsvWriter.ours(t.key() + ".csv"), t.key());
    }
    assertTrue(CsvWriter.ours("datapackage.json"));
    assertTrue(CsvWriter.ours("disagreements.csv"));
    assertTrue(CsvWriter.ours("sensitivity_weights.csv"));
    for (String name : List.of("notes.csv", "codebook.csv", "about.csv.bak", "About.csv",
        "datapackage.yaml")) {
      assertFalse(CsvWriter.ours(name), name);
    }
  }

  /** The pid of a process that has ended. */
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor(10, TimeUnit.SECONDS);
    long pid = p.pid();
    assumeTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
    return pid;
  }

  @Test
  void staleFilesOfAKilledRunAreRemovedByTheNext() throws Exception {
    long dead = deadPid();
    Path staleBeside = Files.writeString(dir.resolve(".c.json.polcomp-" + dead + "-7.tmp"), "x");
    Path staleTemp = Files.writeString(
        Scratch.systemTemp().resolve("polcomp-rows-" + dead + "-1.spool"), "x");
    Path someoneElses = Files.writeString(dir.resolve(".c.json.other.tmp"), "x");
    try {
      AtomicFile.write(dir.resolve("c.json"), text("{}"));
      assertFalse(Files.exists(staleBeside));
      assertFalse(Files.exists(staleTemp));
      assertTrue(Files.exists(someoneElses));
    } finally {
      Files.deleteIfExists(staleTemp);
    }
  }

  @Test
  void aFolderSetAsideByAKilledRunIsPutBack() throws Exception {
    long dead = deadPid();
    Path aside = dir.resolve(".out.polcomp-" + dead + "-3.old");
    oldSet(aside);
    Scratch.sweep(dir.resolve("out"));
    assertEquals(List.of("about.csv=old a", "measures.csv=old b"), listing(dir.resolve("out")));
    assertFalse(Files.exists(aside));
  }

  @Test
  void onlyPolcompsOwnNamesCountAsTemporary() {
    assertEquals(1234, Scratch.pidOf("polcomp-rows-1234-5678.spool", false));
    assertEquals(1234, Scratch.pidOf("polcomp-poi-1234", false));
    assertEquals(-1, Scratch.pidOf("polcomp-2024.xlsx", false));
    assertEquals(-1, Scratch.pidOf("polcomp-report-2024.xlsx", false));
    assertEquals(99, Scratch.pidOf(".c.json.polcomp-99-1.tmp", true));
    assertEquals(-1, Scratch.pidOf("c.json.polcomp-99-1.tmp", true));
  }
}
