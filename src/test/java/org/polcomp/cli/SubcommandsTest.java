package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class SubcommandsTest {
  @Test
  void eachSubcommandIsListedUnderTheNameItsModelGivesIt() {
    for (Main.Sub sub : Main.commands()) {
      String named = sub.command() instanceof CommandSpec spec ? spec.name()
          : sub.type().getAnnotation(Command.class).name();
      assertEquals(named, sub.name(), sub.type().getName());
    }
  }

  @Test
  void everyCommandHasTheStandardHelpOptionsLastAndAFreshModelEachTime() {
    for (Main.Sub sub : Main.commands()) {
      if (!(sub.command() instanceof CommandSpec spec)) {
        continue;
      }
      List<OptionSpec> options = spec.options();
      int n = options.size();
      assertEquals(List.of("-h", "--help"), List.of(options.get(n - 2).names()), sub.name());
      assertTrue(options.get(n - 2).usageHelp(), sub.name());
      assertEquals(List.of("-V", "--version"), List.of(options.get(n - 1).names()), sub.name());
      assertTrue(options.get(n - 1).versionHelp(), sub.name());
      // a model holds the values of one parse: two runs in one JVM (tests, the fuzzer) must
      // not share one
      assertNotSame(spec, sub.command(), sub.name());
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
