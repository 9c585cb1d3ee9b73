package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class SubcommandsTest {
  @Test
  void eachSubcommandIsListedUnderTheNameItsAnnotationGivesIt() {
    for (Main.Sub sub : Main.commands()) {
      assertEquals(sub.type().getAnnotation(Command.class).name(), sub.name(),
          sub.type().getName());
    }
  }

  @Test
  void aRunOfOneCommandGetsThatOneAndHelpGetsThemAll() {
    PrintWriter w = new PrintWriter(new StringWriter());
    List<String> all = Main.commands().stream().map(Main.Sub::name).toList();
    // help lists them all; a misspelt command gets suggestions from all of them
    for (String asked : new String[] {"help", "compar"}) {
      assertEquals(all, List.copyOf(
          Main.commandLine(new Main(w, w), asked).getSubcommands().keySet()), asked);
    }
    for (String name : all) {
      CommandLine cl = Main.commandLine(new Main(w, w), name);
      assertEquals(name.equals("help") ? all : List.of(name),
          List.copyOf(cl.getSubcommands().keySet()), name);
    }
  }
}
