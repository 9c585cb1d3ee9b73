package org.polcomp.load;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polcomp.cli.Main;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;

/**
 * Hostile and broken input through {@code polcomp validate}, in-process: every case must end with
 * the right exit code and a diagnostic with a stable code at the right file, line and column,
 * without a stack trace and without hanging. Inputs are generated here, never checked in.
 */
class HostileInputTest {
  /** A hang guard only, far above what any case needs; not a speed target. */
  private static final Duration GUARD = Duration.ofSeconds(20);

  private static final Pattern LINE =
      Pattern.compile("^(.+):(\\d+):(\\d+): (error|warning)\\[([EW]\\d{3})\\]: .*$");

  @TempDir Path dir;

  /** One diagnostic line of the text report. */
  record Seen(String file, int line, int column, String code) {
    @Override
    public String toString() {
      return file + ":" + line + ":" + column + " " + code;
    }
  }

  /** The outcome of one run. */
  record Run(int exit, String out, String err, List<Seen> diagnostics) {
    List<Seen> of(Path file) {
      String name = file.toString().replace('\\', '/');
      return diagnostics.stream().filter(d -> d.file().equals(name)).toList();
    }

    List<String> codes() {
      return diagnostics.stream().map(Seen::code).toList();
    }
  }

  private Run validate(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "validate";
    System.arraycopy(args, 0, all, 1, args.length);
    int exit = assertTimeoutPreemptively(GUARD,
        () -> new Main(new PrintWriter(out), new PrintWriter(err)).run(all));
    Run run = new Run(exit, out.toString(), err.toString(), parse(out.toString()));
    assertNoStackTrace(run);
    assertEveryDiagnosticHasAHint(run);
    return run;
  }

  private Run validate(Path... paths) {
    return validate(Arrays.stream(paths).map(Path::toString).toArray(String[]::new));
  }

  private static List<Seen> parse(String out) {
    List<Seen> seen = new ArrayList<>();
    for (String line : out.split("\n")) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        seen.add(new Seen(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
            m.group(5)));
      }
    }
    return seen;
  }

  private static void assertNoStackTrace(Run run) {
    for (String text : List.of(run.out(), run.err())) {
      assertFalse(text.contains("\tat ") || text.contains("Exception") || text.contains("Caused by")
          || text.contains("internal error"), () -> "stack trace or internal error:\n" + text);
    }
  }

  /** Every diagnostic line of the text report is followed by its hint (FORMAT.md). */
  private static void assertEveryDiagnosticHasAHint(Run run) {
    String[] lines = run.out().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (LINE.matcher(lines[i]).matches()) {
        String line = lines[i];
        assertTrue(i + 1 < lines.length && lines[i + 1].startsWith("    hint: "),
            () -> "no hint for: " + line);
      }
    }
  }

  /** Asserts that {@code file} got exactly these diagnostics, in report order. */
  private static void assertDiagnostics(Run run, Path file, String... expected) {
    List<String> got = run.of(file).stream()
        .map(d -> d.line() + ":" + d.column() + " " + d.code()).toList();
    assertEquals(List.of(expected), got, () -> "report was:\n" + run.out() + run.err());
  }

  private Path write(String name, String text) throws IOException {
    return writeBytes(name, text.getBytes(UTF_8));
  }

  private Path writeBytes(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    return p;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

  /** A valid document without warnings. */
  static String valid(String id) {
    return "municipality:\n"
        + "  id: " + id + "\n"
        + "  name: Town " + id + "\n"
        + "policies:\n"
        + "  - id: language-cafe\n"
        + "    title: Language cafe\n"
        + "    domain: language\n"
        + "    target:\n"
        + "      groups: [refugees]\n"
        + "    sources:\n"
        + "      - title: Council letter\n"
        // Last, so that the lines the tests point at stay where they are.
        + "    declared_duration: structural\n";
  }

  // ---- YAML bombs and limits ----

  @Test
  void billionLaughsIsRejectedAtTheFirstAliasPastTheLimit() throws IOException {
    StringBuilder sb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      String prev = String.valueOf((char) (c - 1));
      sb.append(c).append(": &").append(c).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, "*" + prev))).append("]\n");
    }
    Path f = write("bomb.yaml", sb.toString());
    Run run = validate(f);
    assertEquals(1, run.exit());
    // a = 10 values, b = 9 x 10, c = 9 x 91, d = 9 x 820: 8,289 so far; e's first *d passes 10,000.
    assertDiagnostics(run, f, "5:8 E006");
  }

  @Test
  void tooManyAliasesAreRejectedAtTheFirstOneOver() throws IOException {
    StringBuilder sb = new StringBuilder("x-anchor: &v 1\nx-list:\n");
    for (int i = 0; i < 60; i++) {
      sb.append("  - *v\n");
    }
    Path f = write("aliases.yaml", sb.toString());
    Run run = validate(f);
    assertEquals(1, run.exit());
    assertDiagnostics(run, f, "53:5 E006");
  }

  @Test
  void scalarAnchorsAreExpandedNotReadAsTheirNames() throws IOException {
    Path f = write("anchors.yaml", valid("GM9901")
        + "  - id: second\n"
        + "    title: &t Second\n"
        + "    domain: &d language\n"
        + "    target: {groups: [&g refugees, !!str &h youth]}\n"
        + "    sources: [{title: *t}]\n"
        + "    declared_duration: &dd structural\n"
        + "  - id: third\n"
        + "    title: *t\n"
        + "    domain: *d\n"
        + "    target: {groups: [*g, *h]}\n"
        + "    sources: [{title: *t}]\n"
        + "    declared_duration: *dd\n");
    Run run = validate(f);
    assertEquals(0, run.exit(), run.out());
    assertTrue(run.out().contains("3 measures: 0 errors, 0 warnings"), run.out());
  }

  @Test
  void recursiveAliasIsRejected() throws IOException {
    Path f = write("recursive.yaml", "x-a: &a [1, *a]\n");
    Run run = validate(f);
    assertEquals(1, run.exit());
    assertDiagnostics(run, f, "1:13 E006");
  }

  @Test
  void aliasToAnUnknownAnchorIsAnErrorNotItsName() throws IOException {
    Path f = write("unknown-alias.yaml", valid("GM9901").replace("name: Town GM9901",
        "name: *town"));
    Run run = validate(f);
    assertEquals(1, run.exit());
    assertDiagnostics(run, f, "3:9 E001");
  }

  @Test
  void tenThousandNestedListsStopAtTheDepthLimit() throws IOException {
    Path f = write("deep-list.yaml", "[".repeat(10_000) + "]".repeat(10_000) + "\n");
    Run run = validate(f);
    assertEquals(1, run.exit());
    assertDiagnostics(run, f, "1:65 E004");
  }

  @Test
  void tenThousandNestedFlowMapsStopAtTheDepthLimit() throws IOException {
    Path f = write("deep-map.yaml", "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n");
    Run run = validate(f);
    assertEquals(1, run.exit());
    assertDiagnostics(run, f, "1:257 E004");
  }

  @Test
  void deeplyIndentedBlockMapsStopAtTheDepthLimit() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      sb.append(" ".repeat(i)).append("k:\n");
    }
    Path f = write("deep-block.yaml", sb.toString());
    Run run = validate(f);
    assertEquals(1, run.exit());
    assertDiagnostics(run, f, "65:65 E004");
  }

  @Test
  void hugeSparseFileIsRejectedBySizeBeforeReading() throws IOException {
    Path f = dir.resolve("huge.yaml");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(100L * 1024 * 1024); // sparse: no 100 MB written, none read
    }
    Run run = validate(f);
    assertEquals(1, run.exit());
    assertDiagnostics(run, f, "1:1 E003");
  }

  @Test
  void fortyMegabyteScalarIsRejectedBySizeOrByLineLength() throws IOException {
    Path f = dir.resolve("scalar.yaml");
    try (BufferedWriter w = Files.newBufferedWriter(f, UTF_8)) {
      w.write("municipality:\n  id: GM9901\n  name: ");
      char[] chunk = new char[1 << 16];
      Arrays.fill(chunk, 'x');
      for (int i = 0; i < 40_000_000 / chunk.length; i++) {
        w.write(chunk);
      }
      w.write("\npolicies: []\n");
    }
    Run bySize = validate(f);
    assertEquals(1, bySize.exit());
    assertDiagnostics(bySize, f, "1:1 E003");
    // With the size limit raised, the line is refused before the parser sees it.
    Run byLine = validate("--max-file-size", "67108864", f.toString());
    assertEquals(1, byLine.exit());
    assertDiagnostics(byLine, f, "3:1 E005");
  }

  @Test
  void fortyThousandCharacterStringIsOverTheLimit() throws IOException {
    Path f = write("long-string.yaml", valid("GM9901").replace("Language cafe",
        "L".repeat(40_000)));
    Run run = validate(f);
    assertEquals(1, run.exit());
    assertDiagnostics(run, f, "6:12 E005");
  }

  // ---- encodings and bytes ----

  @Test
  void randomBytesAreRejectedAsNotUtf8() throws IOException {
    byte[] bytes = new byte[64 * 1024];
    new Random(20240601L).nextBytes(bytes);
    bytes[0] = (byte) 0xC3; // a lead byte with a bad continuation: the first byte is the bad one
    bytes[1] = (byte) 0x28;
    Path f = writeBytes("random.yaml", bytes);
    Run run = validate(f);
    assertEquals(1, run.exit());
    assertDiagnostics(run, f, "1:1 E002");
  }

  @Test
  void invalidUtf8InTheMiddleOfALineIsPlacedByCodePoints() throws IOException {
    // "  name: Zürich 😀" is 16 code points; the bad byte is the 17th.
    Path f = writeBytes("bad-utf8.yaml", concat(
        "municipality:\r\n  id: GM9901\r\n  name: Zürich 😀".getBytes(UTF_8),
        new byte[] {(byte) 0xFF}, " more\r\npolicies: []\r\n".getBytes(UTF_8)));
    Run run = validate(f);
    assertEquals(1, run.exit());
    assertDiagnostics(run, f, "3:17 E002");
  }

  @Test
  void utf16FilesAreRejectedWithOrWithoutByteOrderMark() throws IOException {
    Path le = writeBytes("utf16le.yaml", valid("GM9901").getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
    Path be = writeBytes("utf16be.yaml", valid("GM9902").getBytes(java.nio.charset.StandardCharsets.UTF_16BE));
    Path bom = writeBytes("utf16bom.yaml", valid("GM9903").getBytes(java.nio.charset.StandardCharsets.UTF_16));
    Run run = validate(le, be, bom);
    assertEquals(1, run.exit());
    assertDiagnostics(run, le, "1:1 E002");
    assertDiagnostics(run, be, "1:1 E002");
    assertDiagnostics(run, bom, "1:1 E002");
    assertTrue(run.out().contains("UTF-16"), run.out());
  }

  @Test
  void utf8ByteOrderMarkIsAcceptedAndDoesNotShiftColumns() throws IOException {
    Path f = writeBytes("bom.yaml", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        valid("GM9901").replace("domain: language", "domain: langauge").getBytes(UTF_8)));
    Run run = validate(f);
    assertEquals(1, run.exit());
    assertDiagnostics(run, f, "7:13 E011");
    Path ok = writeBytes("bom-ok.yaml", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        valid("GM9902").getBytes(UTF_8)));
    Run fine = validate(ok);
    assertEquals(0, fine.exit(), fine.out());
    assertTrue(fine.diagnostics().isEmpty(), fine.out());
  }

  @Test
  void nulByteIsRejectedWhereItStands() throws IOException {
    Path f = write("nul.yaml", valid("GM9901").replace("Town GM9901", "To\0wn"));
    Run run = validate(f);
    assertEquals(1, run.exit());
    assertDiagnostics(run, f, "3:11 E001");
  }

  @Test
  void otherControlCharactersAreRejectedWhereTheyStand() throws IOException {
    Path del = write("del.yaml", valid("GM9901").replace("Council", "Coun\u007Fcil"));
    Path bell = write("bell.yaml", valid("GM9902").replace("Language", "Lang\u0007uage"));
    Run run = validate(del, bell);
    assertEquals(1, run.exit());
    assertDiagnostics(run, del, "11:20 E001");
    assertDiagnostics(run, bell, "6:16 E001");
  }

  @Test
  void tabsForIndentationAreASyntaxErrorAtTheTab() throws IOException {
    Path f = write("tabs.yaml", "municipality:\n\tid: GM9901\n\tname: Town\npolicies: []\n");
    Run run = validate(f);
    assertEquals(1, run.exit());
    assertDiagnostics(run, f, "2:1 E001");
  }

  // ---- files, directories, links ----

  @Test
  void emptyFileAndCommentOnlyFileAreEmptyDocuments() throws IOException {
    Path empty = write("empty.yaml", "");
    Path comments = write("comments.yaml", "# nothing here yet\n\n   # still nothing\n");
    Run run = validate(empty, comments);
    assertEquals(0, run.exit(), run.out());
    assertDiagnostics(run, empty, "1:1 W001");
    assertDiagnostics(run, comments, "1:1 W001");
    assertTrue(run.out().contains("2 files, 0 municipalities"), run.out());
  }

  @Test
  void directoryNamedLikeAPolicyFileIsSearchedNotRead() throws IOException {
    Path inner = write("set/looks-like-a-file.yaml/inner.yaml", valid("GM9901"));
    Path emptyDir = Files.createDirectories(dir.resolve("set/empty.yml"));
    Run run = validate(dir.resolve("set"));
    assertEquals(0, run.exit(), run.out());
    assertTrue(run.out().contains("1 file, 1 municipality"), run.out());
    assertTrue(run.of(inner).isEmpty());
    Run direct = validate(emptyDir);
    assertEquals(0, direct.exit(), direct.out());
    assertEquals(List.of("W007"), direct.codes());
  }

  @Test
  void unreadableFileIsAnIoErrorAndTheOthersAreStillChecked() throws IOException {
    Path locked = write("set/locked.yaml", valid("GM9901"));
    Path other = write("set/other.yaml", valid("GM9902").replace("language", "lang"));
    try {
      Files.setPosixFilePermissions(locked, EnumSet.noneOf(PosixFilePermission.class));
    } catch (UnsupportedOperationException e) {
      assumeTrue(false, "no POSIX permissions on this file system");
    }
    // As root (CI containers), chmod 000 does not stop reading: nothing to test then.
    assumeTrue(!Files.isReadable(locked), "running as root: permissions do not deny reads");
    Run run = validate(dir.resolve("set"));
    assertEquals(1, run.exit());
    assertDiagnostics(run, locked, "1:1 E023");
    assertDiagnostics(run, other, "7:13 E011");
  }

  @Test
  void symbolicLinkLoopIsAnIoError() throws IOException {
    Path a = dir.resolve("set/a.yaml");
    Path b = dir.resolve("set/b.yaml");
    Files.createDirectories(a.getParent());
    try {
      Files.createSymbolicLink(a, b.getFileName());
      Files.createSymbolicLink(b, a.getFileName());
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here: " + e);
    }
    Path ok = write("set/ok.yaml", valid("GM9901"));
    Run run = validate(dir.resolve("set"));
    assertEquals(3, run.exit(), "an input that cannot be read is an I/O failure");
    assertDiagnostics(run, a, "1:1 E023");
    assertDiagnostics(run, b, "1:1 E023");
    assertDiagnostics(run, ok);
    Run direct = validate(a);
    assertEquals(3, direct.exit());
    assertDiagnostics(direct, a, "1:1 E023");
  }

  @Test
  void linkToADirectoryIsNotFollowed() throws IOException {
    write("elsewhere/broken.yaml", "municipality: [\n");
    Path ok = write("set/ok.yaml", valid("GM9901"));
    try {
      Files.createSymbolicLink(dir.resolve("set/linked.yaml"), dir.resolve("elsewhere"));
      Files.createSymbolicLink(dir.resolve("set/linked-dir"), dir.resolve("elsewhere"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here: " + e);
    }
    Run run = validate(dir.resolve("set"));
    assertEquals(0, run.exit(), run.out());
    assertTrue(run.diagnostics().isEmpty(), run.out());
    assertTrue(run.out().contains("1 file, 1 municipality"), run.out());
    assertDiagnostics(run, ok);
  }

  @Test
  void namedPipeIsNotReadFrom() throws Exception {
    Path fifo = dir.resolve("pipe.yaml");
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo here");
      return;
    }
    assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
    Run run = validate(fifo);
    assertEquals(3, run.exit(), "an input that cannot be read is an I/O failure");
    assertDiagnostics(run, fifo, "1:1 E023");
  }

  @Test
  void fileThatVanishesAfterListingIsAnIoError() throws IOException {
    Path gone = write("set/gone.yaml", valid("GM9901"));
    Path stays = write("set/stays.yaml", valid("GM9902"));
    List<Path> files = new ArrayList<>();
    List<Diagnostic> listed = new ArrayList<>();
    DatasetLoader.collect(dir.resolve("set"), files, listed);
    assertEquals(List.of(gone, stays), files);
    Files.delete(gone);
    DatasetLoader.Result r = assertTimeoutPreemptively(GUARD,
        () -> new DatasetLoader(Limits.DEFAULT, true).loadFiles(files, (m, out) -> m));
    assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
    Diagnostic d = r.diagnostics().get(0);
    assertEquals(Code.E023, d.code());
    assertEquals(DatasetLoader.display(gone), d.file());
    assertEquals(1, d.line());
    assertEquals(List.of("GM9902"),
        r.dataset().municipalities().stream().map(m -> m.id()).toList());
  }

  @Test
  void threeThousandFilesInOneDirectory() throws IOException {
    Path set = Files.createDirectories(dir.resolve("many"));
    for (int i = 0; i < 3_000; i++) {
      String id = String.format(Locale.ROOT, "ZZ%04d", i);
      Files.writeString(set.resolve(id + ".yaml"), valid(id), UTF_8);
    }
    Run run = validate(set);
    assertEquals(0, run.exit(), run.out());
    assertTrue(run.diagnostics().isEmpty());
    assertTrue(run.out().contains("3000 files, 3000 municipalities, 3000 measures: 0 errors"),
        run.out());
  }

  // ---- values and keys ----

  @Test
  void infinityAndNotANumberAmountsAreErrors() throws IOException {
    String[] spellings = {".inf", "-.inf", "+.Inf", ".INF", ".nan", ".NaN", ".NAN"};
    StringBuilder sb = new StringBuilder(valid("GM9901")).append("    funding:\n");
    for (String s : spellings) {
      sb.append("      - {source: eu, amount_eur: ").append(s).append("}\n");
    }
    sb.append("      - {source: eu, amount_eur: '.nan'}\n");
    Path f = write("nonfinite.yaml", sb.toString());
    Run run = validate(f);
    assertEquals(1, run.exit());
    assertDiagnostics(run, f, "14:34 E021", "15:34 E021", "16:34 E021", "17:34 E021",
        "18:34 E021", "19:34 E021", "20:34 E021", "21:34 E008");
  }

  @Test
  void duplicateKeysAreReportedAndTheRestIsStillChecked() throws IOException {
    Path f = write("dup.yaml", valid("GM9901").replace("    domain: language\n",
        "    domain: language\n    domain: work\n    scale: city\n"));
    Run run = validate(f);
    assertEquals(1, run.exit());
    assertDiagnostics(run, f, "8:5 E007", "9:12 E011");
  }

  @Test
  void quotedTildeIsTextNotNull() throws IOException {
    Path f = write("tilde.yaml", valid("GM9901").replace("name: Town GM9901", "name: \"~\""));
    Run run = validate(f);
    assertEquals(0, run.exit(), run.out());
  }

  @Test
  void mergeKeyIsAnUnknownKeyWithAClearHint() throws IOException {
    Path f = write("merge.yaml", "x-base: &b {name: Town}\nmunicipality:\n  <<: *b\n  id: GM1\n"
        + "  name: Town\npolicies: []\n");
    Run run = validate(f);
    assertEquals(1, run.exit());
    assertDiagnostics(run, f, "3:3 E010", "6:11 W002");
    assertTrue(run.out().contains("merge keys"), run.out());
  }

  // ---- volume ----

  @Test
  void manyEmptyDocumentsAreCappedPerCode() throws IOException {
    Path f = write("docs.yaml", "---\n".repeat(20_000));
    Run run = validate(f);
    assertEquals(0, run.exit());
    assertEquals(DatasetLoader.MAX_DIAGNOSTICS_PER_CODE + 1, run.of(f).size());
    assertTrue(run.codes().stream().allMatch("W001"::equals));
    assertTrue(run.out().contains("19,000 more W001"), run.out().lines().skip(1000).toList()
        .toString());
  }

  @Test
  void manyDuplicateKeysAreCappedAndStillFail() throws IOException {
    Path f = write("dups.yaml", "x-a: 1\n".repeat(50_000));
    Run run = validate(f);
    assertEquals(1, run.exit());
    List<Seen> e007 = run.of(f).stream().filter(d -> d.code().equals("E007")).toList();
    assertEquals(DatasetLoader.MAX_DIAGNOSTICS_PER_CODE + 1, e007.size());
    assertEquals(new Seen(f.toString(), 1002, 1, "E007"), e007.get(e007.size() - 1));
  }
}
