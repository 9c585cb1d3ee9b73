package org.polcomp.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The man pages and the completion script that the build installs (see ManPages). */
class ManPagesTest {
  @TempDir Path dir;

  @Test
  void onePagePerCommandInRoffWithEveryOption() throws IOException {
    ManPages.write(dir, "9.9.9");
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    CommandLine top = Main.commandLine(new Main(none, none));
    String main = Files.readString(dir.resolve("man1/polcomp.1"), StandardCharsets.UTF_8);
    assertTrue(main.startsWith(".TH \"POLCOMP\" \"1\" \"\" \"polcomp 9.9.9\""), main);
    for (CommandLine sub : top.getSubcommands().values()) {
      String name = sub.getCommandSpec().qualifiedName("-");
      Path page = dir.resolve("man1/" + name + ".1");
      assertTrue(Files.isRegularFile(page), "no man page " + page.getFileName());
      String roff = Files.readString(page, StandardCharsets.UTF_8);
      assertTrue(main.contains("\\fB" + sub.getCommandName() + "\\fR"), "polcomp(1) lists " + name);
      for (OptionSpec o : sub.getCommandSpec().options()) {
        assertTrue(roff.contains("\\fB" + o.longestName().replace("-", "\\-") + "\\fR"),
            name + "(1) lacks " + o.longestName());
      }
      // nothing of the AsciiDoc source is left: no comments, attributes, list markers, xrefs
      for (String line : roff.split("\n")) {
        assertFalse(line.startsWith("//") || line.startsWith(":") || line.endsWith("::")
            || line.contains("xref:") || line.startsWith("="), name + "(1): " + line);
      }
    }
    String completion =
        Files.readString(dir.resolve("completion/polcomp"), StandardCharsets.UTF_8);
    assertTrue(completion.contains("complete -F _complete_polcomp"), "a bash completion");
    for (String command : top.getSubcommands().keySet()) {
      assertTrue(completion.contains(command), "completion offers " + command);
    }
  }

  @Test
  void theSameModelGivesTheSameBytes() throws IOException {
    ManPages.write(dir.resolve("a"), "1");
    ManPages.write(dir.resolve("b"), "1");
    for (String f : new String[] {"man1/polcomp-compare.1", "completion/polcomp"}) {
      assertTrue(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a").resolve(f)),
          Files.readAllBytes(dir.resolve("b").resolve(f))), f);
    }
  }
}
