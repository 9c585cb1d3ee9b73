package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * bin/polcomp starts the JVM with polcomp's main class by name (faster than {@code -jar}, which
 * reads the jar's index twice), so that name lives in the launcher as well as in the manifest:
 * both must be this class.
 */
class LauncherTest {
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
