package org.polcomp.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.golden.Datasets;
import org.polcomp.run.Console;
import org.polcomp.run.Terminal;

/** Where output goes: the command line's "Output targets", one test per rule that was broken. */
class OutputRulesTest {
  private static final String DATA = "examples/invented/dijkhorst.yaml";

  @TempDir Path dir;

  /** Runs polcomp with standard output as bytes, as the real executable has it. */
  private record Bytes(int exit, byte[] out, String err) {}

  private static Bytes runBytes(OutputStream stdout, String... args) {
    StringWriter err = new StringWriter();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, UTF_8), true);
    int code = new Main(new Console(out, new PrintWriter(err), Terminal.NONE, stdout)).run(args);
    return new Bytes(code, stdout instanceof ByteArrayOutputStream b ? b.toByteArray() : null,
        err.toString());
  }

  /** A standard output whose every write fails, as on a full disk or a closed pipe. */
  private static final class Full extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      throw new IOException("No space left on device");
    }
  }

  @Test
  void aFailedWriteToStandardOutputIsExit3() {
    Bytes r = runBytes(new Full(), "classify", "--format", "csv", DATA);
    assertEquals(3, r.exit(), r.err());
    assertTrue(r.err().contains("standard output"), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    Bytes json = runBytes(new Full(), "compare", DATA, "-o", "-", "--format", "json");
    assertEquals(3, json.exit(), json.err());
  }

  @Test
  void dashIsStandardOutputAndNoFileNamedDashAppears() throws IOException {
    Path cwdDash = Path.of("-");
    Bytes r = runBytes(new ByteArrayOutputStream(), "compare", DATA, "-o", "-", "--format",
        "json");
    assertEquals(0, r.exit(), r.err());
    assertTrue(new String(r.out(), UTF_8).startsWith("{"), "JSON on standard output");
    assertFalse(Files.exists(cwdDash));
    Bytes xlsx = runBytes(new ByteArrayOutputStream(), "compare", DATA, "-o", "-", "--format",
        "xlsx");
    assertEquals(0, xlsx.exit(), xlsx.err());
    assertEquals('P', xlsx.out()[0], "a zip package");
    assertEquals('K', xlsx.out()[1]);
    CliRunner.Result v = CliRunner.run("validate", DATA, "-o", "-", "--format", "json");
    assertEquals(0, v.exit(), v.err());
    assertTrue(v.out().startsWith("{"), v.out());
    assertFalse(Files.exists(cwdDash));
  }

  @Test
  void aFolderFormatOnStandardOutputIsAUsageError() {
    CliRunner.Result r = CliRunner.run("compare", DATA, "-o", "-", "--format", "csv");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("hint:"), r.err());
    assertEquals(2, CliRunner.run("compare", DATA, "-o", "-").exit(), "compare's default is csv");
  }

  @Test
  void theCurrentFolderOrOneThatHoldsItIsNotAFolderOutput() {
    // the tests run in the project's folder: each of these would replace it, or the one above
    for (String out : new String[] {".", "./", "..", "../"}) {
      CliRunner.Result r = CliRunner.run("compare", DATA, "-o", out, "--format", "csv", "-q");
      assertEquals(2, r.exit(), out + ": " + r.err());
      assertTrue(r.err().contains("current folder") && r.err().contains("hint:"), r.err());
    }
    CliRunner.Result sens = CliRunner.run("sensitivity", DATA, "--samples", "2", "-o", ".",
        "-q");
    assertEquals(2, sens.exit(), sens.err());
    assertTrue(Files.isRegularFile(Path.of("pom.xml")), "the project's folder stands");
  }

  @Test
  void aLinkToTheCurrentFolderIsTheCurrentFolder() throws IOException {
    Path link = dir.resolve("here");
    try {
      Files.createSymbolicLink(link, Path.of("").toAbsolutePath());
    } catch (UnsupportedOperationException | IOException e) {
      org.junit.jupiter.api.Assumptions.assumeTrue(false, "this file system has no links");
    }
    CliRunner.Result r = CliRunner.run("compare", DATA, "-o", link.toString(), "-q");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("current folder"), r.err());
    assertTrue(Files.isSymbolicLink(link) && Files.isRegularFile(Path.of("pom.xml")));
  }

  @Test
  void aWorkbookGoesToATerminalOnlyWithForce() {
    Terminal tty = new Terminal(true, true, 80, false);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int refused = new Main(new Console(new PrintWriter(out), new PrintWriter(err), tty, bytes))
        .run("compare", DATA, "-o", "-", "--format", "xlsx");
    assertEquals(2, refused, err.toString());
    assertEquals(0, bytes.size());
    int forced = new Main(new Console(new PrintWriter(out), new PrintWriter(err), tty, bytes))
        .run("compare", DATA, "-o", "-", "--format", "xlsx", "--force");
    assertEquals(0, forced, err.toString());
    assertTrue(bytes.size() > 1000);
  }

  @Test
  void anInputFileIsNeverTheOutput() throws IOException {
    Path in = Files.copy(Path.of(DATA), dir.resolve("in.yaml"));
    byte[] before = Files.readAllBytes(in);
    CliRunner.Result r = CliRunner.run("compare", in.toString(), "-o", in.toString(),
        "--format", "json");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("input"), r.err());
    assertEquals(2, CliRunner.run("validate", in.toString(), "-o", in.toString()).exit());
    assertEquals(2, CliRunner.run("classify", dir.toString(), "-o", in.toString(), "--format",
        "json").exit(), "a file read from a folder counts too");
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(in)), "the policy file stands");
  }

  @Test
  void theCodebookAndTheLineageFileAreInputsToo() throws IOException {
    // a codebook (YAML) under a name other commands write (codebook -o refuses the name)
    CliRunner.Result printed = CliRunner.run("codebook");
    assertEquals(0, printed.exit(), printed.err());
    Path codebook = Files.writeString(dir.resolve("cb.json"), printed.out());
    Path lineage = Files.writeString(dir.resolve("lin.txt"),
        "municipalities:\n  - {code: XA, name: A}\n");
    byte[] book = Files.readAllBytes(codebook);
    byte[] table = Files.readAllBytes(lineage);
    String cb = codebook.toString();
    String ln = lineage.toString();
    List<List<String>> lines = List.of(
        List.of("compare", "-o", cb, "--codebook", cb, DATA),
        List.of("compare", "-o", ln, "--format", "json", "--lineage", ln, DATA),
        List.of("validate", "--lineage", ln, "-o", ln, DATA),
        List.of("validate", "--codebook", cb, "-o", cb, DATA),
        List.of("classify", "--codebook", cb, "-o", cb, DATA),
        List.of("sensitivity", "--samples", "2", "--codebook", cb, "-o", cb, DATA),
        List.of("diff", "--lineage", ln, "-o", ln, DATA, DATA),
        List.of("lineage", "--lineage", ln, "-o", ln));
    for (List<String> line : lines) {
      CliRunner.Result r = CliRunner.run(line.toArray(String[]::new));
      assertEquals(2, r.exit(), line + ": " + r.err());
      assertTrue(r.err().contains("is an input of this run"), line + ": " + r.err());
    }
    assertTrue(java.util.Arrays.equals(book, Files.readAllBytes(codebook)), "the codebook stands");
    assertTrue(java.util.Arrays.equals(table, Files.readAllBytes(lineage)), "the table stands");
    // the same file under a path written another way, and through a link
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), codebook);
    CliRunner.Result linked = CliRunner.run("compare", "-o", link.toString(), "--codebook",
        dir.resolve("../" + dir.getFileName() + "/cb.json").toString(), DATA);
    assertEquals(2, linked.exit(), linked.err());
    assertTrue(java.util.Arrays.equals(book, Files.readAllBytes(codebook)), "the codebook stands");
  }

  @Test
  void aLinkToAFileReadFromAFolderIsNotTheOutputEither() throws IOException {
    Path data = Files.createDirectory(dir.resolve("data"));
    Path in = Files.copy(Path.of(DATA), data.resolve("in.yaml"));
    byte[] before = Files.readAllBytes(in);
    Path hard = Files.createLink(dir.resolve("hard.json"), in);
    Path soft = Files.createSymbolicLink(dir.resolve("soft.json"), in);
    Path elsewhere = dir.resolve("other.json");
    Files.writeString(elsewhere, "{}");
    for (Path out : List.of(hard, soft)) {
      for (String cmd : List.of("compare", "validate", "classify")) {
        CliRunner.Result r = CliRunner.run(cmd, data.toString(), "-o", out.toString(),
            "--format", "json");
        assertEquals(2, r.exit(), cmd + " -o " + out + ": " + r.err());
        assertTrue(r.err().contains("is an input of this run"), r.err());
      }
    }
    // the same file under a path written another way
    CliRunner.Result other = CliRunner.run("compare", data.toString(), "-o",
        data.resolve("../data/in.yaml").toString(), "--format", "json");
    assertEquals(2, other.exit(), other.err());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(in)), "the policy file stands");
    CliRunner.Result fine = CliRunner.run("compare", data.toString(), "-o", elsewhere.toString());
    assertEquals(0, fine.exit(), "another existing file is written over: " + fine.err());
    assertTrue(Files.readString(elsewhere).length() > 100);
  }

  @Test
  void anEmptyOutputIsAUsageError() throws IOException {
    for (String cmd : List.of("compare", "validate", "classify")) {
      CliRunner.Result r = CliRunner.run(cmd, DATA, "-o", "");
      assertEquals(2, r.exit(), cmd + ": " + r.err());
    }
    try (Stream<Path> s = Files.list(Path.of("."))) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().equals("municipalities.csv")),
          "no CSV files in the current folder");
    }
  }

  @Test
  void theFormatFollowsTheNameInEveryCommand() throws IOException {
    Path json = dir.resolve("x.json");
    assertEquals(0, CliRunner.run("classify", DATA, "-o", json.toString()).exit());
    String text = Files.readString(json);
    assertTrue(text.startsWith("{"), "classify -o x.json writes JSON: " + text.substring(0, 20));
    CliRunner.Result clash = CliRunner.run("compare", DATA, "-o", dir + "/c.xlsx", "--format",
        "json");
    assertEquals(2, clash.exit(), clash.err());
    assertFalse(Files.exists(dir.resolve("c.xlsx")));
    CliRunner.Result txt = CliRunner.run("compare", DATA, "-o", dir + "/cmp.txt");
    assertEquals(2, txt.exit(), txt.err());
    assertFalse(Files.exists(dir.resolve("cmp.txt")), "no folder named cmp.txt");
    Path sarif = dir.resolve("v.sarif");
    assertEquals(0, CliRunner.run("validate", DATA, "-o", sarif.toString()).exit());
    assertTrue(Files.readString(sarif).contains("\"version\""), "a SARIF log");
  }

  /**
   * The commands of one format (init and codebook write YAML, schema JSON) refuse a name whose
   * extension says another format; a name without an extension, or one that names no format,
   * is theirs.
   */
  @Test
  void aOneFormatCommandRefusesTheExtensionOfAnother() throws IOException {
    List<List<String>> lines = List.of(List.of("init", "XX0001", "A"), List.of("codebook"),
        List.of("schema"));
    List<String> formats = List.of("yaml", "yaml", "json");
    for (int i = 0; i < lines.size(); i++) {
      String own = formats.get(i);
      for (String ext : List.of("xlsx", "json", "csv", "html", "md", "yaml", "yml", "txt")) {
        Path out = dir.resolve(i + "-out." + ext);
        List<String> args = new java.util.ArrayList<>(lines.get(i));
        args.addAll(List.of("-o", out.toString()));
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        boolean ownName = ext.equals(own) || own.equals("yaml") && ext.equals("yml");
        if (ownName) {
          assertEquals(0, r.exit(), args + ": " + r.err());
          assertTrue(Files.isRegularFile(out), args.toString());
        } else {
          assertEquals(2, r.exit(), args + ": " + r.err());
          assertTrue(r.err().contains("(." + ext + ")"), r.err());
          assertTrue(r.err().contains("hint: name a ." + own + " file"), args + ": " + r.err());
          assertFalse(Files.exists(out), args.toString());
        }
      }
      for (String name : List.of("plain", "notes.log")) {
        Path out = dir.resolve(i + "-" + name);
        List<String> args = new java.util.ArrayList<>(lines.get(i));
        args.addAll(List.of("-o", out.toString()));
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), args + ": " + r.err());
        String text = Files.readString(out);
        assertEquals(own.equals("json"), text.startsWith("{"), args + ": " + own);
      }
    }
  }

  @Test
  void aNameEndingInSlashIsAFolderInEveryCommand() throws IOException {
    // a path drops the trailing /: these wrote a file named newdir, or x.json
    String newdir = dir.resolve("newdir") + "/";
    CliRunner.Result json = CliRunner.run("compare", "-o", newdir, "--format", "json", DATA);
    assertEquals(2, json.exit(), json.err());
    assertTrue(json.err().contains("'" + newdir + "' is a folder"), json.err());
    assertFalse(Files.exists(dir.resolve("newdir")));
    for (List<String> line : List.of(List.of("compare"), List.of("sensitivity", "--samples",
        "2"))) {
      String cmd = line.get(0);
      Path folder = dir.resolve(cmd + ".json");
      List<String> args = new java.util.ArrayList<>(line);
      args.addAll(List.of("-o", folder + "/", DATA));
      CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
      assertEquals(0, r.exit(), cmd + ": " + r.err());
      assertTrue(Files.isDirectory(folder), cmd + " writes the folder of CSV files");
      assertTrue(Files.isRegularFile(folder.resolve("about.csv")), cmd);
    }
    List<List<String>> oneFile = List.of(List.of("classify", DATA),
        List.of("validate", DATA), List.of("diff", DATA, DATA), List.of("lineage"),
        List.of("codebook"), List.of("schema"), List.of("init", "GM1", "A"),
        List.of("template"), List.of("sensitivity", "--format", "xlsx", DATA));
    for (List<String> line : oneFile) {
      Path out = dir.resolve("one.file");
      List<String> args = new java.util.ArrayList<>(line);
      args.addAll(List.of("-o", out + "/"));
      CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
      assertEquals(2, r.exit(), args + ": " + r.err());
      assertTrue(r.err().contains("'" + out + "/' is a folder"), args + ": " + r.err());
      assertTrue(r.err().contains("hint:"), r.err());
      assertFalse(Files.exists(out), args.toString());
    }
  }

  @Test
  void aFolderOutputKeepsAUsersCsvFileAndReplacesOnlyItsOwn() throws IOException {
    Path oc = Files.createDirectory(dir.resolve("oc"));
    Path mine = Files.writeString(oc.resolve("my-survey-results.csv"), "q1,q2\n");
    for (List<String> line : List.of(List.of("compare", "--format", "csv"),
        List.of("compare", "--format", "datapackage"),
        List.of("sensitivity", "--samples", "2", "--format", "csv"))) {
      List<String> args = new java.util.ArrayList<>(line);
      args.addAll(List.of("-o", oc.toString(), DATA));
      CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
      assertEquals(3, r.exit(), line + ": " + r.err());
      assertTrue(r.err().contains("'my-survey-results.csv'"), r.err());
      assertEquals("q1,q2\n", Files.readString(mine), "the user's file stays");
    }
    // every file of every folder output is polcomp's own: each replaces the one before
    Path out = dir.resolve("out");
    List<List<String>> all = List.of(
        List.of("compare", "--format", "csv", "--years", "2018..2020", "--boundaries",
            "2023-01-01", Datasets.INVENTED_CODERS),
        List.of("compare", "--format", "datapackage", Datasets.POLICIES),
        List.of("sensitivity", "--samples", "2", "--format", "csv", Datasets.INVENTED_CODERS),
        List.of("compare", "--format", "csv", Datasets.INVENTED_CODERS));
    for (List<String> line : all) {
      List<String> args = new java.util.ArrayList<>(line);
      args.addAll(List.of("-o", out.toString()));
      CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
      assertEquals(0, r.exit(), line + ": " + r.err());
    }
    assertTrue(Files.isRegularFile(out.resolve("disagreements.csv")), "several coders");
  }

  @Test
  void csvOnStandardOutputHasNoByteOrderMark() {
    CliRunner.Result r = CliRunner.run("classify", DATA, "--format", "csv");
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.out().startsWith("\uFEFF"), "no BOM on standard output");
    assertTrue(r.out().startsWith("municipality_id,"), r.out());
  }

  @Test
  void quietValidatePrintsNothingButErrors() {
    CliRunner.Result clean = CliRunner.run("validate", "-q", DATA);
    assertEquals(0, clean.exit());
    assertEquals("", clean.out() + clean.err(), "no summary line under --quiet");
  }

  @Test
  void theRecordedCommandLineLeavesOutHowTheRunWent() throws IOException {
    Path one = dir.resolve("one.json");
    Path two = dir.resolve("two.json");
    assertEquals(0, CliRunner.run("compare", DATA, "-o", one.toString(), "-q").exit());
    assertEquals(0, CliRunner.run("compare", DATA, "--threads", "2", "-o", one.toString())
        .exit());
    Files.move(one, two);
    assertEquals(0, CliRunner.run("compare", DATA, "-o", one.toString(), "--threads=1",
        "--debug").exit());
    assertEquals(Files.readString(one), Files.readString(two));
  }
}
