package org.polcomp.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.polcomp.classify.Rule;
import org.polcomp.cli.Main;
import org.polcomp.diagnostic.Code;
import org.polcomp.report.Column;
import org.polcomp.report.Columns;
import org.polcomp.report.TableSchema;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Keeps docs/ and the program together: every diagnostic code, command, option, table column and
 * codebook rule of the program is documented where a user looks for it, nothing is described as
 * present that the program lacks (unless marked planned), and every {@code *.md} that the code,
 * the README, the examples or the docs cite exists, anchors included.
 */
class DocsTest {
  private static final Path DOCS = Path.of("docs");
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");

  @Test
  void everyDiagnosticCodeHasASectionWithItsMeaningAndAnExample() {
    Page page = Page.read(DOCS.resolve("diagnostics.md"));
    Set<String> codes = new TreeSet<>();
    for (Code c : Code.values()) {
      codes.add(c.id());
      String heading = "`" + c.id() + "` " + c.ruleName() + " (" + c.severity().label() + ")";
      Section s = page.section(h -> h.equals(heading)).orElseFail(
          "docs/diagnostics.md lacks the heading '### " + heading + "'");
      assertTrue(s.body().contains(c.summary()),
          "docs/diagnostics.md, " + c.id() + ": the meaning '" + c.summary() + "' is missing");
      assertTrue(s.body().contains(c.severity().label() + "[" + c.id() + "]"),
          "docs/diagnostics.md, " + c.id() + ": no example of what polcomp prints");
      assertTrue(s.body().contains("Fix:"), "docs/diagnostics.md, " + c.id() + ": no usual fix");
    }
    Pattern documented = Pattern.compile("^`([EW]\\d{3})`.*");
    for (Section s : page.sections()) {
      Matcher m = documented.matcher(s.heading());
      if (m.matches()) {
        assertTrue(codes.contains(m.group(1)),
            "docs/diagnostics.md documents " + m.group(1) + ", which polcomp does not have");
      }
    }
  }

  @Test
  void everyCommandAndOptionIsInTheCommandLineReference() {
    Page page = Page.read(DOCS.resolve("cli.md"));
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    CommandLine top = Main.commandLine(new Main(none, none));
    for (OptionSpec o : top.getCommandSpec().options()) {
      for (String name : o.names()) {
        assertTrue(page.text().contains("`" + name),
            "docs/cli.md does not mention the option " + name + " of polcomp");
      }
    }
    List<CommandLine> commands = new ArrayList<>();
    subcommands(top, commands);
    assertTrue(commands.size() >= 3, "picocli's model lists the subcommands");
    Set<String> names = new TreeSet<>();
    for (CommandLine cl : commands) {
      String name = cl.getCommandSpec().qualifiedName();
      names.add(name);
      Section s = page.section(h -> h.startsWith("`" + name + "`") || h.startsWith("`" + name + " "))
          .orElseFail("docs/cli.md has no section '### `" + name + " ...`'");
      assertTrue(!s.heading().toLowerCase(Locale.ROOT).contains("planned"),
          "docs/cli.md marks " + name + " as planned, but it exists");
      for (OptionSpec o : cl.getCommandSpec().options()) {
        for (String option : o.names()) {
          assertTrue(Pattern.compile("`" + Pattern.quote(option) + "[` =]").matcher(s.body()).find(),
              "docs/cli.md, section " + name + ": the option " + option + " is not documented");
        }
      }
    }
    // the other way round: a command described as present exists
    Pattern described = Pattern.compile("^`(polcomp [a-z][a-z-]*)[` ].*");
    for (Section s : page.sections()) {
      Matcher m = described.matcher(s.heading());
      if (m.matches() && !s.heading().toLowerCase(Locale.ROOT).contains("planned")) {
        assertTrue(names.contains(m.group(1)),
            "docs/cli.md describes " + m.group(1) + ", which does not exist: mark it planned");
      }
    }
  }

  private static void subcommands(CommandLine cl, List<CommandLine> into) {
    for (CommandLine sub : new LinkedHashSet<>(cl.getSubcommands().values())) {
      into.add(sub);
      subcommands(sub, into);
    }
  }

  @Test
  void everyTableAndColumnIsInTheOutputsReference() throws IllegalAccessException {
    Page page = Page.read(DOCS.resolve("outputs.md"));
    List<TableSchema> tables = tables();
    assertTrue(tables.size() >= 7, "Columns declares the tables");
    Set<String> keys = new TreeSet<>();
    for (TableSchema t : tables) {
      keys.add(t.key());
      Section s = page.section(h -> h.startsWith("Table `" + t.key() + "`"))
          .orElseFail("docs/outputs.md has no section '## Table `" + t.key() + "`'");
      assertTrue(s.heading().contains("`" + t.sheet() + "`"),
          "docs/outputs.md: the heading of table " + t.key() + " does not name its sheet "
              + t.sheet());
      for (Column c : t.columns()) {
        assertTrue(s.body().contains("`" + c.key() + "`"),
            "docs/outputs.md, table " + t.key() + ": the column " + c.key() + " is missing");
      }
    }
    Pattern described = Pattern.compile("^Table `([a-z_]+)`.*");
    for (Section s : page.sections()) {
      Matcher m = described.matcher(s.heading());
      if (m.matches() && !s.heading().toLowerCase(Locale.ROOT).contains("planned")) {
        assertTrue(keys.contains(m.group(1)),
            "docs/outputs.md describes table " + m.group(1) + ", which polcomp does not write:"
                + " mark it planned");
      }
    }
  }

  /** Every public table schema of {@link Columns}, found by reflection (new ones included). */
  private static List<TableSchema> tables() throws IllegalAccessException {
    List<TableSchema> found = new ArrayList<>();
    for (Field f : Columns.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == TableSchema.class) {
        found.add((TableSchema) f.get(null));
      }
    }
    return found;
  }

  @Test
  void everyCodebookRuleIsInTheCodebookReference() {
    String text = Page.read(DOCS.resolve("codebook.md")).text();
    for (Rule r : Rule.values()) {
      String row = "| `" + r.id() + "` | " + r.axis().label() + " |";
      assertTrue(text.contains(row), "docs/codebook.md lacks the rule row starting " + row);
    }
  }

  @Test
  void everyCitedPageExists() throws IOException {
    List<Path> citing = new ArrayList<>();
    citing.add(Path.of("README.md"));
    for (String root : List.of("src/main", "examples", "docs")) {
      try (Stream<Path> files = Files.walk(Path.of(root))) {
        files.filter(Files::isRegularFile).sorted().forEach(citing::add);
      }
    }
    Pattern cited = Pattern.compile("(?<![\\w/.:-])((?:\\.\\.?/)*[\\w./-]*[\\w-]+\\.md)(#[\\w-]+)?");
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Path file : citing) {
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().decode(
            java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
      } catch (CharacterCodingException e) {
        continue; // not text
      }
      Matcher m = cited.matcher(text);
      while (m.find()) {
        if (isUrl(text, m.start())) {
          continue;
        }
        checked++;
        Path target = resolve(file, m.group(1));
        if (target == null) {
          missing.add(file + " cites " + m.group(1) + ", which does not exist");
        } else if (m.group(2) != null && !Page.read(target).anchors().contains(m.group(2).substring(1))) {
          missing.add(file + " links to " + m.group(1) + m.group(2) + ": no such heading");
        }
      }
    }
    assertTrue(checked > 20, "the citations were found");
    assertEquals(List.of(), missing);
  }

  private static boolean isUrl(String text, int at) {
    int start = at;
    while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))
        && text.charAt(start - 1) != '(' && text.charAt(start - 1) != '`') {
      start--;
    }
    String before = text.substring(Math.max(0, start - 8), at);
    return before.contains("://");
  }

  /**
   * Where a cited page is: a path relative to the citing file or to the repository; a bare name
   * anywhere in the repository, or as a page of docs/ (whose names are the contract's pages in
   * lower case: FORMAT.md is docs/format.md).
   */
  private static Path resolve(Path from, String name) throws IOException {
    Path parent = from.toAbsolutePath().getParent();
    for (Path p : List.of(parent.resolve(name), Path.of(name).toAbsolutePath())) {
      if (Files.isRegularFile(p.normalize())) {
        return p.normalize();
      }
    }
    if (name.contains("/")) {
      return null;
    }
    Path doc = DOCS.resolve(name.toLowerCase(Locale.ROOT));
    if (Files.isRegularFile(doc)) {
      return doc;
    }
    try (Stream<Path> all = Files.walk(Path.of("."))) {
      return all.filter(p -> !p.startsWith("./target") && !p.startsWith("./.git"))
          .filter(p -> p.getFileName() != null && p.getFileName().toString().equals(name))
          .findFirst().orElse(null);
    }
  }

  @Test
  void theIndexLinksEveryPage() throws IOException {
    String index = Page.read(DOCS.resolve("README.md")).text();
    try (Stream<Path> pages = Files.list(DOCS)) {
      for (Path p : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
        String name = p.getFileName().toString();
        if (!name.equals("README.md")) {
          assertTrue(index.contains("](" + name + ")"), "docs/README.md does not link " + name);
        }
      }
    }
    assertTrue(Page.read(Path.of("README.md")).text().contains("](docs/README.md)"),
        "the README links docs/");
  }

  /** A Markdown page cut into sections at its headings. */
  private record Page(Path path, String text, List<Section> sections) {
    static Page read(Path path) {
      String text;
      try {
        text = Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<String> lines = List.of(text.split("\n", -1));
      List<Section> sections = new ArrayList<>();
      boolean fenced = false;
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith("```")) {
          fenced = !fenced;
        }
        Matcher m = HEADING.matcher(lines.get(i));
        if (fenced || !m.matches()) {
          continue;
        }
        int level = m.group(1).length();
        StringBuilder body = new StringBuilder();
        boolean inner = false;
        for (int j = i + 1; j < lines.size(); j++) {
          if (lines.get(j).startsWith("```")) {
            inner = !inner;
          }
          Matcher n = HEADING.matcher(lines.get(j));
          if (!inner && n.matches() && n.group(1).length() <= level) {
            break;
          }
          body.append(lines.get(j)).append('\n');
        }
        sections.add(new Section(m.group(2).strip(), body.toString()));
      }
      return new Page(path, text, sections);
    }

    Found section(java.util.function.Predicate<String> heading) {
      return new Found(sections.stream().filter(s -> heading.test(s.heading())).findFirst()
          .orElse(null));
    }

    /** The anchors GitHub gives the headings: lower case, punctuation dropped, '-' for spaces. */
    Set<String> anchors() {
      Set<String> anchors = new TreeSet<>();
      for (Section s : sections) {
        anchors.add(s.heading().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
            .replace(' ', '-'));
      }
      return anchors;
    }
  }

  private record Section(String heading, String body) {}

  private record Found(Section section) {
    Section orElseFail(String message) {
      assertTrue(section != null, message);
      return section;
    }
  }
}
