package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.polcomp.diagnostic.Code;

/** The README's promises that can drift from the code. */
class ReadmeTest {
  private final String readme = read();

  private static String read() {
    try {
      return Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyDiagnosticCodeIsInTheTable() {
    for (Code c : Code.values()) {
      String row = "| `" + c.id() + "` | " + c.severity().label() + " | " + c.ruleName() + " | "
          + c.summary() + " |";
      assertTrue(readme.contains(row), "README lacks the row: " + row);
    }
  }

  @Test
  void quickStartShowsTheTwoCommands() {
    int quick = readme.indexOf("## Quick start");
    assertTrue(quick >= 0 && readme.indexOf("make run", quick) > quick
        && readme.indexOf("make test", quick) > quick);
  }
}
