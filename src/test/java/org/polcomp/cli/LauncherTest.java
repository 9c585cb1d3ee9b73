package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/polcomp starts the JVM with polcomp's main class by name (faster than {@code -jar}, which
 * reads the jar's index twice), so that name lives in the launcher as well as in the manifest:
 * both must be this class. And it sizes the JVM by the command and its input, which the tests
 * below see by running the launcher, installed into a temporary folder, with a {@code java}
 * first on the PATH that only writes down its arguments.
 */
class LauncherTest {
  // the launcher's bound for a large input (C1_BYTES), plus a little
  private static final long LARGE = 128L * 1024 * 1024 + 4096;

  @TempDir Path tmp;

  @Test
  void aLargeInputGetsItsWholeHeapFromTheStartAndASmallYoungGeneration() throws Exception {
    Path big = sparse("big.yaml", LARGE);
    List<String> compare = javaArgs(null, "compare", big.toString(), "-o", "c.xlsx");
    assertTrue(compare.containsAll(List.of("-Xmx768m", "-Xms768m", "-Xmn128m")), compare.toString());
    assertFalse(compare.contains("-XX:TieredStopAtLevel=1"), compare.toString());
    List<String> validate = javaArgs(null, "validate", big.toString());
    assertTrue(validate.containsAll(List.of("-Xmx1g", "-Xms1g", "-Xmn128m")), validate.toString());
    // a folder counts by the files under it
    Path folder = Files.createDirectories(tmp.resolve("data"));
    Files.move(big, folder.resolve("big.yaml"));
    assertTrue(javaArgs(null, "validate", folder.toString()).contains("-Xms1g"));
  }

  @Test
  void aSmallInputKeepsTheJvmsOwnSizing() throws Exception {
    Path small = sparse("small.yaml", 4096);
    List<String> args = javaArgs(null, "compare", small.toString(), "-o", "c.xlsx");
    assertTrue(args.contains("-Xmx768m"), args.toString());
    assertTrue(args.contains("-XX:TieredStopAtLevel=1"), args.toString());
    assertFalse(args.stream().anyMatch(a -> a.startsWith("-Xms") || a.startsWith("-Xmn")),
        args.toString());
  }

  @Test
  void aHeapTheUserSizedIsLeftToThem() throws Exception {
    Path big = sparse("big.yaml", LARGE);
    for (String opts : List.of("-Xmx512m", "-Xms256m", "-Xmn64m", "-XX:MaxHeapSize=512m",
        "-XX:NewRatio=3", "-Dx=1 -XX:MaxNewSize=64m")) {
      List<String> args = javaArgs(opts, "compare", big.toString(), "-o", "c.xlsx");
      // the launcher's -Xms768m with the user's -Xmx512m would stop the JVM at its start
      assertFalse(args.contains("-Xms768m") || args.contains("-Xmn128m"), opts + ": " + args);
      assertEquals(List.of(opts.split(" ")),
          args.subList(args.indexOf("-cp") - opts.split(" ").length, args.indexOf("-cp")));
    }
  }

  /** A file of {@code size} bytes that takes no room on disk. */
  private Path sparse(String name, long size) throws IOException {
    Path file = tmp.resolve(name);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
    return file;
  }

  /**
   * The arguments bin/polcomp gives {@code java} for a command line, with {@code javaOpts} as
   * JAVA_OPTS (null: unset). The launcher runs as installed (bin/ and share/polcomp/ side by
   * side, no pom.xml), so it never builds.
   */
  private List<String> javaArgs(String javaOpts, String... command) throws Exception {
    Path prefix = tmp.resolve("prefix");
    Path launcher = prefix.resolve("bin").resolve("polcomp");
    if (!Files.exists(launcher)) {
      Files.createDirectories(launcher.getParent());
      Files.copy(Path.of("bin", "polcomp"), launcher, StandardCopyOption.REPLACE_EXISTING);
      Files.createDirectories(prefix.resolve("share").resolve("polcomp"));
      Files.createFile(prefix.resolve("share").resolve("polcomp").resolve("polcomp.jar"));
      Path fakeJava = Files.createDirectories(tmp.resolve("fakebin")).resolve("java");
      Files.writeString(fakeJava, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$"
          + "ARGS_FILE\"\n");
      Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path out = tmp.resolve("args.txt");
    Files.deleteIfExists(out);
    List<String> cmd = new ArrayList<>(List.of("bash", launcher.toString()));
    cmd.addAll(Arrays.asList(command));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("launcher.log").toFile());
    pb.environment().put("PATH", tmp.resolve("fakebin") + ":" + System.getenv("PATH"));
    pb.environment().put("ARGS_FILE", out.toString());
    pb.environment().remove("JAVA_OPTS");
    if (javaOpts != null) {
      pb.environment().put("JAVA_OPTS", javaOpts);
    }
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher ended");
    assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("launcher.log")));
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }

  @Test
  void theLauncherRunsMainByItsName() throws IOException {
    List<String> exec = Files.readAllLines(Path.of("bin", "polcomp")).stream()
        .filter(l -> l.startsWith("exec java ")).toList();
    assertEquals(1, exec.size(), "one exec line in bin/polcomp");
    Matcher m = Pattern.compile("-cp \"\\$jar\" (\\S+) \"\\$@\"$").matcher(exec.get(0));
    assertTrue(m.find(), exec.get(0));
    assertEquals(Main.class.getName(), m.group(1));
  }
}
