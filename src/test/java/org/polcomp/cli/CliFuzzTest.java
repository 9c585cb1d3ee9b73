package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.polcomp.diagnostic.Printable;
import org.polcomp.golden.Datasets;
import org.polcomp.load.CodebookLoader;
import org.polcomp.run.Console;
import org.polcomp.run.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Random command lines, built from polcomp's own commands and options, typical values, paths in a
 * folder made for each run and random strings, run in-process: never a stack trace or an exception
 * name on either stream, only the exit codes polcomp documents (0-3, 130), and nothing written
 * outside the run's folder. Every path the generator makes lies in that folder, and every value of
 * an option that takes a path, and every argument naming something in the current folder, is made
 * absolute inside it, so a run never writes into (or reads) the current folder. {@code mvn test}
 * runs the seeds in {@code CliFuzzTestInputs/}; {@code make fuzz} fuzzes.
 */
class CliFuzzTest {
  private static final Set<Integer> EXIT_CODES = Set.of(0, 1, 2, 3, 130);

  /** The commands and, per the command line's model, every option name and which take paths. */
  private static final List<String> COMMANDS = new ArrayList<>();
  private static final List<String> OPTIONS = new ArrayList<>();
  private static final Set<String> PATH_OPTIONS = new TreeSet<>();

  static {
    CommandLine cl = Main.commandLine(new Main(new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter())));
    Set<String> options = new TreeSet<>();
    collect(cl.getCommandSpec(), options);
    COMMANDS.addAll(new TreeSet<>(cl.getSubcommands().keySet()));
    OPTIONS.addAll(options);
    // Near-misses and what is no option at all.
    OPTIONS.addAll(List.of("--fromat", "--no-such-option", "-x", "--", "-", "--output=", "-q"));
  }

  private static void collect(CommandSpec spec, Set<String> into) {
    for (OptionSpec o : spec.options()) {
      for (String name : o.names()) {
        into.add(name);
        if (o.type() == Path.class || o.type() == java.io.File.class) {
          PATH_OPTIONS.add(name);
        }
      }
    }
    for (CommandLine sub : spec.subcommands().values()) {
      collect(sub.getCommandSpec(), into);
    }
  }

  /** Values options take, good and bad. */
  private static final List<String> VALUES = List.of("0", "1", "2", "4", "-1", "1000",
      "9223372036854775807", "99999999999999999999", "csv", "json", "xlsx", "html", "text",
      "github", "gitlab", "sarif", "yaml", "md", "", " ", "2020", "2020-01", "2016-00",
      "2020-01-15", "2010..2020", "2020..2010", "1800..2200", "domain", "country", "type",
      "HEAD", "HEAD~1", "main", "0.5", "NaN", "1e308", "GM0344", "Amsterdam", "living-lab",
      "nl/amsterdam/m01", "--", "@x", "\u00e9", "a\tb", "\u001b[2J");

  /** Names of files and folders inside the run's folder. */
  private static final List<String> NAMES = List.of("good.yaml", "bad.yaml", "codebook.yaml",
      "extends.yaml", "data", "empty", "missing.yaml", "out.xlsx", "out.csv", "out.json",
      "out.html", "out.txt", "outdir", "out", "data/good.yaml", "new/deep/x.json",
      "link.yaml", "back\\slash.yaml", "sp ace.yaml", "-");

  @FuzzTest(maxDuration = "60s")
  void anyCommandLineEndsWellAndWritesOnlyWhereItIsTold(FuzzedDataProvider data)
      throws IOException {
    Path cwd = Path.of("").toAbsolutePath();
    Set<String> before = listing(cwd);
    Path dir = Files.createTempDirectory("polcomp-cli-fuzz");
    try {
      setUp(dir);
      List<String> args = new ArrayList<>();
      int n = data.consumeInt(0, 12);
      for (int i = 0; i < n && data.remainingBytes() > 0; i++) {
        args.add(token(data, dir, i == 0));
      }
      confine(args, dir);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      int code = new Main(new Console(new PrintWriter(out), new PrintWriter(err), Terminal.NONE,
          bytes)).run(args.toArray(String[]::new));
      String text = withoutArguments(
          out + "\n" + err + "\n" + bytes.toString(StandardCharsets.UTF_8), args);
      String what = "polcomp " + args;
      assertTrue(EXIT_CODES.contains(code), () -> what + ": exit " + code + "\n" + err);
      assertFalse(text.contains("Exception"), () -> what + ": an exception\n" + text);
      assertFalse(text.contains("\tat org.") || text.contains("\tat java.")
          || text.contains("at org.polcomp."), () -> what + ": a stack trace\n" + text);
      assertEquals(before, listing(cwd), () -> what + ": wrote into " + cwd);
    } finally {
      delete(dir);
    }
  }

  /**
   * What was printed without the arguments it repeats (an unknown value is quoted back, and a
   * random argument may hold "Exception" or a tab and "at java."), as given and as escaped.
   */
  private static String withoutArguments(String text, List<String> args) {
    for (String a : args) {
      if (a.length() > 1) {
        text = text.replace(a, "").replace(Printable.escape(a), "");
      }
    }
    return text;
  }

  /** One argument: a command, an option, a value, a path in {@code dir}, or random text. */
  private static String token(FuzzedDataProvider data, Path dir, boolean first) {
    int kind = first ? data.consumeInt(0, 9) : data.consumeInt(0, 11);
    if (first && kind < 7) {
      return data.pickValue(COMMANDS);
    }
    return switch (kind) {
      case 0, 1, 2 -> data.pickValue(OPTIONS);
      case 3, 4 -> data.pickValue(VALUES);
      case 5, 6, 7 -> dir.resolve(data.pickValue(NAMES)).toString();
      case 8 -> data.pickValue(COMMANDS);
      case 9 -> data.pickValue(OPTIONS) + "=" + data.pickValue(VALUES);
      default -> data.consumeString(40);
    };
  }

  /**
   * Keeps every write inside {@code dir}: a value of an option that takes a path (given apart or
   * after '=') is made absolute inside it, and an argument that picocli could read as short options
   * with a value attached ({@code -ofile}) is kept from naming {@code -o}.
   */
  static void confine(List<String> args, Path dir) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (i > 0 && PATH_OPTIONS.contains(args.get(i - 1))) {
        args.set(i, inside(a, dir));
      } else if (a.startsWith("-") && a.contains("=")
          && PATH_OPTIONS.contains(a.substring(0, a.indexOf('=')))) {
        String name = a.substring(0, a.indexOf('='));
        args.set(i, name + "=" + inside(a.substring(a.indexOf('=') + 1), dir));
      } else if (!a.startsWith("-") && !a.startsWith("/") && existsHere(a)) {
        // "", "." or "src": a path read from the current folder, the repository under test
        args.set(i, inside(a, dir));
      } else if (a.startsWith("-") && !a.startsWith("--") && a.length() > 2
          && !OPTIONS.contains(a)) {
        // a cluster of short options: without 'o' none of them takes a path
        args.set(i, a.replace("o", ""));
      }
    }
  }

  /** Whether {@code name} names something in the current folder. */
  private static boolean existsHere(String name) {
    try {
      return Files.exists(Path.of(name));
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  /**
   * The value as a path inside {@code dir}; "-" (standard output) stays. Made as text, not as a
   * Path, so that what no path can hold (a NUL) reaches polcomp to be refused there: without a
   * leading '/' and with every ".." undone, it cannot leave {@code dir}.
   */
  private static String inside(String value, Path dir) {
    if (value.equals("-")) {
      return value;
    }
    String name = value.replaceAll("^[/\\\\.]+", "").replace("..", "_");
    return dir + "/" + (name.isEmpty() ? "empty-name" : name);
  }

  private static void setUp(Path dir) throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.createDirectories(dir.resolve("empty"));
    Path good = Path.of(Datasets.INVENTED, "dijkhorst.yaml");
    Files.copy(good, dir.resolve("good.yaml"));
    Files.copy(good, data.resolve("good.yaml"));
    Files.copy(Path.of(Datasets.INVENTED, "grenzstedt.yaml"), data.resolve("other.yaml"));
    Files.writeString(dir.resolve("bad.yaml"), "format: polcomp/1\nmunicipality: [\n  id: x\n",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("codebook.yaml"), CodebookLoader.defaultText(),
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("extends.yaml"), "extends: default\ninstruments:\n"
        + "  - {id: living_lab, weight: -3}\n", StandardCharsets.UTF_8);
    Files.createSymbolicLink(dir.resolve("link.yaml"), dir.resolve("good.yaml"));
  }

  /** The names in a folder (not recursive): a write into it adds one. */
  private static Set<String> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      Set<String> names = new TreeSet<>();
      s.forEach(p -> names.add(p.getFileName().toString()));
      return names;
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
