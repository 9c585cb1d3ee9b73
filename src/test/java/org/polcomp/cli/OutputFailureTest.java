package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.bench.Generator;
import org.polcomp.golden.Datasets;
import org.polcomp.load.CodebookLoader;
import org.polcomp.load.Limits;

/**
 * What a user sees when the output cannot be written (CLI.md: exit 3, one line, no stack trace)
 * and that the previous output survives: a missing folder, a read-only one, a full disk. A full
 * disk is simulated with a file size limit (ulimit -f), under which a write fails as on a full
 * disk (EFBIG instead of ENOSPC), in a separate JVM.
 */
class OutputFailureTest {
  @TempDir Path dir;

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static boolean ulimitWorks() {
    try {
      Process p = new ProcessBuilder("bash", "-c", "ulimit -f 64 && true").start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs polcomp in a JVM whose files may not grow past {@code kib} KiB; exit code and output. */
  private CliRunner.Result limited(int kib, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    StringBuilder command = new StringBuilder("ulimit -f " + kib + "; exec '" + java + "' -cp '"
        + System.getProperty("java.class.path") + "' org.polcomp.cli.Main");
    for (String a : args) {
      command.append(" '").append(a).append("'");
    }
    Path log = dir.resolve("log.txt");
    Process p = new ProcessBuilder("bash", "-c", command.toString()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "polcomp did not finish");
    String out = Files.readString(log);
    Files.delete(log);
    return new CliRunner.Result(p.exitValue(), "", out);
  }

  @Test
  void aFullDiskKeepsThePreviousOutputAndNamesTheFile() throws Exception {
    assumeTrue(ulimitWorks(), "needs bash and ulimit");
    Path out = Files.createDirectories(dir.resolve("out"));
    Path json = out.resolve("c.json");
    Files.writeString(json, "previous");
    // the comparison of the policies copy is over 64 KiB of JSON; its temporary rows are not
    CliRunner.Result r = limited(64, "compare", Datasets.POLICIES, "-o", json.toString(), "-q");
    assertEquals(3, r.exit(), r.err());
    assertTrue(r.err().contains("polcomp: " + json + ": File too large; the previous file is left"
        + " as it was"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
    assertEquals("previous", Files.readString(json));
    assertEquals(List.of("c.json"), names(out), "no temporary file is left");
  }

  @Test
  void aFullTemporaryFolderIsAnInputOutputErrorNotACrash() throws Exception {
    assumeTrue(ulimitWorks(), "needs bash and ulimit");
    Path out = Files.createDirectories(dir.resolve("out"));
    Path xlsx = out.resolve("c.xlsx");
    Files.writeString(xlsx, "previous");
    // 300 municipalities: more measure rows than the spool gathers in memory, so they are
    // parked on disk while the dataset is read, where 1 KiB does not hold them
    Path data = dir.resolve("data");
    new Generator(new CodebookLoader(Limits.DEFAULT).defaults(), 3).write(300, data);
    CliRunner.Result r = limited(1, "compare", data.toString(), "-o", xlsx.toString(), "-q");
    assertEquals(3, r.exit(), r.err());
    assertTrue(r.err().startsWith("polcomp: input/output error: cannot write temporary rows in "),
        r.err());
    assertFalse(r.err().contains("internal error") || r.err().contains("\tat "), r.err());
    assertEquals("previous", Files.readString(xlsx));
    assertEquals(List.of("c.xlsx"), names(out));
  }

  @Test
  void aMissingFolderIsNamed() throws IOException {
    Path target = dir.resolve("no/such/folder/c.xlsx");
    CliRunner.Result r = CliRunner.run("compare", Datasets.POLICIES, "-o", target.toString());
    assertEquals(3, r.exit(), r.err());
    assertTrue(r.err().startsWith("polcomp: cannot write to "), r.err());
    assertTrue(r.err().contains("the directory does not exist"), r.err());
    assertFalse(Files.exists(dir.resolve("no")));
  }

  @Test
  void aReadOnlyFolderIsNamedAndLeftAlone() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("ro"));
    Path target = folder.resolve("c.xlsx");
    Files.writeString(target, "previous");
    try {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
    } catch (UnsupportedOperationException e) {
      assumeTrue(false, "no POSIX permissions here");
    }
    try {
      if (Files.isWritable(folder)) {
        // root writes anyway: a folder of a read-only file system stands in
        folder = Path.of("/sys");
        target = folder.resolve("c.xlsx");
        assumeTrue(Files.isDirectory(folder) && !Files.exists(target), "needs /sys");
      }
      CliRunner.Result r = CliRunner.run("compare", Datasets.POLICIES, "-o", target.toString());
      assertEquals(3, r.exit(), r.err());
      assertFalse(r.err().contains("\tat "), "no stack trace");
      if (folder.startsWith(dir)) {
        assertEquals("polcomp: cannot write " + target + ": permission denied (the folder is not"
            + " writable)\n", r.err());
        assertEquals("previous", Files.readString(target));
        assertEquals(List.of("c.xlsx"), names(folder));
      } else {
        // the error names the file asked for (EACCES or EPERM, as the kernel decides)
        assertTrue(r.err().startsWith("polcomp: ") && r.err().contains(target.toString())
            && r.err().lines().count() == 1, r.err());
      }
    } finally {
      Files.setPosixFilePermissions(dir.resolve("ro"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
