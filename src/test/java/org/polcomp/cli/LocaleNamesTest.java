package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.golden.Datasets;

/**
 * A file whose name the locale cannot read is not "no such file": under {@code LC_ALL=C} Java
 * reads the command line as ASCII, and a name that is not UTF-8 at all cannot pass through Java;
 * each says what happened and how to fix it. Runs polcomp in a JVM of its own under the locale;
 * skipped where such names cannot be made.
 */
class LocaleNamesTest {
  @TempDir Path dir;

  /** Runs {@code polcomp validate NAME} from {@code dir} under {@code locale}; NAME as bash. */
  private CliRunner.Result run(String locale, String bashName) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = "exec '" + java + "' -cp '" + System.getProperty("java.class.path")
        + "' org.polcomp.cli.Main validate " + bashName;
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).directory(dir.toFile())
        .redirectErrorStream(true);
    pb.environment().remove("LANG");
    pb.environment().remove("LC_CTYPE");
    pb.environment().put("LC_ALL", locale);
    Path log = dir.resolve("log.txt");
    Process p = pb.redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "polcomp did not finish");
    String out = Files.readString(log);
    Files.delete(log);
    return new CliRunner.Result(p.exitValue(), out, "");
  }

  private static boolean bash(Path dir, String script) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).start();
    return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  private Path good() {
    return Path.of(Datasets.INVENTED, "dijkhorst.yaml").toAbsolutePath();
  }

  @Test
  void aUtf8NameUnderTheCLocaleSaysWhatToDo() throws Exception {
    try {
      Files.copy(good(), dir.resolve("caf\u00e9.yaml"));
    } catch (InvalidPathException | IOException e) {
      assumeTrue(false, "this JVM cannot make the name café.yaml: " + e);
    }
    CliRunner.Result c = run("C", "$'caf\\xc3\\xa9.yaml'");
    assumeTrue(!c.out().contains("cannot change locale"), c.out());
    if (c.exit() == 0) {
      // a JVM that reads arguments as UTF-8 whatever the locale: nothing to report
      return;
    }
    assertEquals(ExitCode.USAGE, c.exit(), c.out());
    assertTrue(c.out().contains("cannot read") && c.out().contains("LC_ALL=C.UTF-8"), c.out());
    assertTrue(!c.out().contains("no such file"), c.out());
    CliRunner.Result utf8 = run("C.UTF-8", "$'caf\\xc3\\xa9.yaml'");
    assumeTrue(utf8.exit() != 2 || !utf8.out().contains("character set"),
        "no C.UTF-8 locale here");
    assertEquals(ExitCode.OK, utf8.exit(), utf8.out());
  }

  @Test
  void aNameThatIsNotUtf8SaysSoUnderAUtf8Locale() throws Exception {
    assumeTrue(bash(dir, "cp '" + good() + "' $'lat\\xe9.yaml'"), "cannot make a Latin-1 name");
    CliRunner.Result r = run("C.UTF-8", "$'lat\\xe9.yaml'");
    assumeTrue(!r.out().contains("ANSI_X3.4-1968"), "no C.UTF-8 locale here: " + r.out());
    assertEquals(ExitCode.USAGE, r.exit(), r.out());
    assertTrue(r.out().contains("not valid in the locale's character set (UTF-8)"), r.out());
    assertTrue(r.out().contains("convmv"), r.out());
    // its folder is read whatever the names in it
    CliRunner.Result folder = run("C.UTF-8", ".");
    assertEquals(ExitCode.OK, folder.exit(), folder.out());
  }
}
