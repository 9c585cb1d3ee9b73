package org.polcomp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DiffCommandTest {
  private static final Path CASE = Path.of("src/test/resources/golden/diff/invented");
  private static final String OLD = CASE.resolve("old").toString();
  private static final String NEW = CASE.resolve("new").toString();
  private static final String LINEAGE = CASE.resolve("lineage.yaml").toString();

  @TempDir Path dir;

  private static final String UTRECHT = """
      municipality: {id: GM0344, name: Utrecht}
      policies:
        - id: plan-einstein
          title: Plan Einstein
          domain: social-cohesion
          target: {groups: [asylum-seekers, neighbourhood-residents]}
          instrument: living-lab
          period: {start: 2016-11, end: 2018-10}
          funding: [{source: eu, amount_eur: 3400000}]
          sources: [{title: UIA}]
      """;

  @Test
  void exitCodeIsOneOnADifferenceAndZeroOnNone() {
    assertEquals(1, CliRunner.run("diff", "--exit-code", OLD, NEW, "--lineage", LINEAGE).exit());
    CliRunner.Result same = CliRunner.run("diff", "--exit-code", OLD, OLD);
    assertEquals(0, same.exit(), same.err());
    assertTrue(same.out().contains("no differences"), same.out());
    // without --exit-code a difference is no failure
    assertEquals(0, CliRunner.run("diff", OLD, NEW, "--lineage", LINEAGE).exit());
  }

  @Test
  void withoutTheLineageFileTheMergerIsARemovalAndAnAddition() throws IOException {
    CliRunner.Result r = CliRunner.run("diff", "--format", "json", OLD, NEW);
    assertEquals(0, r.exit(), r.err());
    List<String> kinds = new ArrayList<>();
    for (JsonNode c : JsonMapper.shared().readTree(r.out()).get("changes")) {
      if (c.get("kind").asString().startsWith("municipality-")) {
        kinds.add(c.get("kind").asString() + " " + c.get("municipality_id").asString());
      }
    }
    assertEquals(List.of("municipality-removed XX0008", "municipality-added XX0010"), kinds);
  }

  @Test
  void reportsEveryFieldPathThatChanged() throws IOException {
    Path a = write("a/utrecht.yaml", UTRECHT);
    Path b = write("b/utrecht.yaml", UTRECHT.replace("[{title: UIA}]",
        "[{title: UIA}, {title: Evaluation, url: 'https://example.org/e'}]")
        .replace("end: 2018-10}", "end: open}\n    x-topic: {area: north}"));
    CliRunner.Result r = CliRunner.run("diff", "--format", "csv", a.toString(), b.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("measure-field,GM0344,Utrecht,plan-einstein,period.end,2018-10,"
        + "open\n"), r.out());
    assertTrue(r.out().contains(",sources[1].title,,Evaluation\n"), r.out());
    assertTrue(r.out().contains(",sources[1].url,,https://example.org/e\n"), r.out());
    assertTrue(r.out().contains(",x-topic.area,,north\n"), r.out());
    // the end date's rule turned from temporary to structural evidence
    assertTrue(r.out().contains("rule,GM0344,Utrecht,plan-einstein,D2,"), r.out());
  }

  @Test
  void anInvalidSideExitsOneWithItsDiagnostics() throws IOException {
    Path good = write("good/utrecht.yaml", UTRECHT);
    Path bad = write("bad/utrecht.yaml", UTRECHT.replace("living-lab", "no-such-instrument"));
    CliRunner.Result r = CliRunner.run("diff", good.toString(), bad.toString());
    assertEquals(1, r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().contains(bad + " is invalid"), r.err());
    assertTrue(r.err().contains("bad/utrecht.yaml:"), r.err());
  }

  @Test
  void needsTwoPathsWithoutGit() {
    CliRunner.Result r = CliRunner.run("diff", OLD);
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("give OLD and NEW"), r.err());
  }

  @Test
  void theFormatFollowsTheOutputsName() throws IOException {
    for (String ext : List.of("md", "json", "csv", "xlsx", "txt")) {
      Path out = dir.resolve("diff." + ext);
      CliRunner.Result r = CliRunner.run("diff", OLD, NEW, "--lineage", LINEAGE, "-o",
          out.toString(), "-q");
      assertEquals(0, r.exit(), r.err());
      String head = new String(Files.readAllBytes(out), 0, 4, StandardCharsets.ISO_8859_1);
      String expected = switch (ext) {
        case "md" -> "### ";
        case "json" -> "{\n  ";
        case "csv" -> "\u00ef\u00bb\u00bfk"; // a byte-order mark, then the header
        case "xlsx" -> "PK\u0003\u0004";
        default -> "polc";
      };
      assertEquals(expected, head, ext);
    }
    CliRunner.Result r = CliRunner.run("diff", OLD, NEW, "-o", dir.resolve("x.html").toString());
    assertEquals(2, r.exit(), r.err());
  }

  @Test
  void theWorkbookIsTheSameBytesEveryRun() throws IOException {
    Path one = dir.resolve("one.xlsx");
    Path two = dir.resolve("two.xlsx");
    assertEquals(0, CliRunner.run("diff", OLD, NEW, "-o", one.toString(), "-q").exit());
    assertEquals(0, CliRunner.run("diff", OLD, NEW, "-o", two.toString(), "-q").exit());
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
  }

  @Test
  void gitComparesARevisionWithTheWorkingTree() throws Exception {
    Assumptions.assumeTrue(gitWorks(), "git is not installed");
    Path repo = dir.resolve("repo");
    copy(CASE.resolve("old"), repo.resolve("policies"));
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "old");
    // the working tree becomes the new version, the lineage file beside it
    Scratch.replace(repo.resolve("policies"), CASE.resolve("new"));
    Path policies = repo.resolve("policies");

    CliRunner.Result r = CliRunner.run("diff", "--git", "HEAD", "--lineage", LINEAGE,
        "--format", "csv", policies.toString());
    CliRunner.Result plain = CliRunner.run("diff", "--format", "csv", "--lineage", LINEAGE, OLD,
        NEW);
    assertEquals(0, r.exit(), r.err());
    assertEquals(plain.out(), r.out(), "the revision gives what the old copy gives");
    assertTrue(r.out().contains("municipality-merged,XX0008"), r.out());

    CliRunner.Result head = CliRunner.run("diff", "--git", "HEAD", policies.toString());
    assertTrue(head.out().startsWith("polcomp diff HEAD:" + policies + " -> " + policies),
        head.out());

    CliRunner.Result unknown = CliRunner.run("diff", "--git", "no-such-rev", policies.toString());
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("unknown git revision 'no-such-rev'"), unknown.err());

    CliRunner.Result option = CliRunner.run("diff", "--git", "--output=x", policies.toString());
    assertEquals(2, option.exit(), option.err());

    Path outside = dir.resolve("outside");
    copy(CASE.resolve("old"), outside);
    CliRunner.Result notRepo = CliRunner.run("diff", "--git", "HEAD", outside.toString());
    assertEquals(2, notRepo.exit());
    assertTrue(notRepo.err().contains("is not in a git repository"), notRepo.err());
  }

  @Test
  void gitLeavesNoTemporaryFolder() throws Exception {
    Assumptions.assumeTrue(gitWorks(), "git is not installed");
    Path repo = dir.resolve("repo");
    copy(CASE.resolve("old"), repo.resolve("policies"));
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "old");
    long pid = ProcessHandle.current().pid();
    assertEquals(0, CliRunner.run("diff", "--git", "HEAD", repo.resolve("policies").toString())
        .exit());
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith("polcomp-git-" + pid
          + "-")), "a polcomp-git folder of this process is left");
    }
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static boolean gitWorks() {
    try {
      Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void git(Path repo, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Files.createDirectories(repo);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "git " + args[0] + " hung");
    assertEquals(0, p.exitValue(), "git " + String.join(" ", args) + ": " + out);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path f : s.toList()) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t);
        }
      }
    }
  }

  /** Replaces a folder's files with another's. */
  private static final class Scratch {
    static void replace(Path folder, Path with) throws IOException {
      try (Stream<Path> s = Files.walk(folder)) {
        for (Path f : s.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.delete(f);
        }
      }
      copy(with, folder);
    }
  }
}
