package org.polcomp.report;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polcomp.bench.Generator;
import org.polcomp.cli.CliRunner;
import org.polcomp.golden.Datasets;
import org.polcomp.load.CodebookLoader;
import org.polcomp.load.Limits;
import org.polcomp.model.Codebook;
import org.polcomp.run.Version;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code compare --format datapackage} on the frozen policies and on 1,000 generated
 * municipalities: the descriptor passes the Data Package v2 profiles, every CSV holds to its Table
 * Schema, and pandas reads every resource with the declared types.
 */
class DataPackageTest {
  @TempDir static Path dir;
  private static final Profiles PROFILES = new Profiles();

  @BeforeAll
  static void writePackages() throws IOException {
    compare(Datasets.POLICIES, dir.resolve("policies"));
    Codebook codebook = new CodebookLoader(Limits.DEFAULT).defaults();
    new Generator(codebook, 11).write(1_000, dir.resolve("generated-data"));
    compare(dir.resolve("generated-data").toString(), dir.resolve("generated"));
  }

  private static void compare(String input, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("compare", input, "--format", "datapackage",
        "-o", out.toString(), "-q"));
    args.addAll(List.of(more));
    CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
  }

  private static JsonNode descriptor(Path folder) {
    return JsonMapper.shared().readTree(folder.resolve("datapackage.json").toFile());
  }

  @ParameterizedTest
  @ValueSource(strings = {"policies", "generated"})
  void theDescriptorPassesTheDataPackageProfile(String name) {
    assertEquals(List.of(), PROFILES.problems(descriptor(dir.resolve(name))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"policies", "generated"})
  void everyCsvHoldsToItsTableSchema(String name) throws IOException {
    PackageChecker.Result r = PackageChecker.check(dir.resolve(name));
    assertEquals(List.of(), r.problems());
    assertEquals(9, r.resources(), "every table of a comparison, experiments and about.csv included");
    assertTrue(r.cells() > (name.equals("generated") ? 100_000 : 1_000), "cells: " + r.cells());
  }

  @Test
  void theDescriptorSaysWhatTheTablesAreAndWhereTheyCameFrom() {
    JsonNode d = descriptor(dir.resolve("policies"));
    assertEquals(DataPackageWriter.PROFILE, d.get("$schema").asString());
    assertEquals("polcomp-comparison", d.get("name").asString());
    assertEquals(Version.current(), d.get("version").asString());
    assertFalse(d.has("created"), "created only with --timestamp");
    Set<String> names = new TreeSet<>();
    for (JsonNode r : d.get("resources")) {
      String name = r.get("name").asString();
      names.add(name);
      assertEquals(name + ".csv", r.get("path").asString());
      assertEquals("table", r.get("type").asString());
      assertEquals("text/csv", r.get("mediatype").asString());
      assertEquals("utf-8", r.get("encoding").asString());
      assertEquals("\n", r.get("dialect").get("lineTerminator").asString());
      JsonNode schema = r.get("schema");
      assertEquals("[\"\"]", schema.get("missingValues").toString());
      boolean fk = schema.has("foreignKeys");
      assertEquals(!name.equals("municipalities") && hasField(schema, "municipality_id"), fk,
          name + ": a foreign key to municipalities exactly when it has municipality_id");
      for (JsonNode f : schema.get("fields")) {
        assertTrue(f.has("description"), name + "." + f.get("name") + " has a description");
      }
    }
    assertEquals(Set.of("municipalities", "measures", "domains", "typology", "timeline",
        "experiments", "agreement", "issues", "about"), names);
    JsonNode measures = resource(d, "measures").get("schema");
    assertEquals("[\"municipality_id\",\"measure_id\"]", measures.get("primaryKey").toString());
    assertEquals("municipalities",
        measures.get("foreignKeys").get(0).get("reference").get("resource").asString());
    assertEquals("string", field(measures, "start").get("type").asString());
    assertEquals("integer", field(measures, "line").get("type").asString());
    assertEquals("boolean", field(measures, "coding_agrees").get("type").asString());
    assertEquals("uri", field(measures, "source_url").get("format").asString());
    JsonNode share = field(resource(d, "municipalities").get("schema"), "mainstreaming_share");
    assertEquals("number", share.get("type").asString());
    assertEquals(1, share.get("constraints").get("maximum").asInt());
    // the categories are the codebook's, with its descriptions as labels
    Codebook codebook = new CodebookLoader(Limits.DEFAULT).defaults();
    List<String> domains = new ArrayList<>();
    field(measures, "domain").get("categories").forEach(c -> domains.add(c.get("value").asString()));
    assertEquals(codebook.vocabularies().get("domains"), domains);
    assertEquals(codebook.domains().get(0).description(),
        field(measures, "domain").get("categories").get(0).get("label").asString());
    JsonNode polcomp = d.get("polcomp");
    assertEquals("default", polcomp.get("options").get("codebook").asString());
    assertTrue(polcomp.get("about").get("inputs_sha256").asString().matches("[0-9a-f]{64}"));
    assertEquals("codebook", polcomp.get("codebook").get(0).get("rule").asString());
  }

  @Test
  void theSameInputGivesTheSameBytes() throws IOException {
    // the same command line too: the descriptor records it
    Path again = dir.resolve("again");
    compare(Datasets.POLICIES, again);
    List<String> files = list(again);
    List<byte[]> first = new ArrayList<>();
    for (String f : files) {
      first.add(Files.readAllBytes(again.resolve(f)));
    }
    compare(Datasets.POLICIES, again);
    assertEquals(files, list(again));
    for (int i = 0; i < files.size(); i++) {
      assertArrayEquals(first.get(i), Files.readAllBytes(again.resolve(files.get(i))),
          files.get(i));
    }
  }

  @Test
  void aTimestampBecomesTheCreatedDate() {
    Path stamped = dir.resolve("stamped");
    compare(Datasets.POLICIES, stamped, "--timestamp");
    JsonNode d = descriptor(stamped);
    assertEquals(d.get("polcomp").get("options").get("generated").asString(),
        d.get("created").asString());
    assertEquals(List.of(), PROFILES.problems(d));
  }

  @Test
  void theProfileRejectsWhatIsNotADataPackage() {
    ObjectNode d = (ObjectNode) descriptor(dir.resolve("policies"));
    ObjectNode badType = d.deepCopy();
    ((ObjectNode) badType.get("resources").get(0).get("schema").get("fields").get(0))
        .put("type", "text");
    assertFalse(PROFILES.problems(badType).isEmpty(), "a field of type text");
    ObjectNode badDate = d.deepCopy();
    badDate.put("created", "yesterday");
    assertFalse(PROFILES.problems(badDate).isEmpty(), "created is not a date-time");
    ObjectNode noResources = d.deepCopy();
    noResources.remove("resources");
    assertFalse(PROFILES.problems(noResources).isEmpty(), "no resources");
  }

  @Test
  void theCheckerFindsBrokenFiles() throws IOException {
    Path broken = dir.resolve("broken");
    compare(Datasets.POLICIES, broken);
    Path municipalities = broken.resolve("municipalities.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(municipalities, StandardCharsets.UTF_8));
    lines.add(lines.get(1)); // the first municipality twice
    Files.write(municipalities, lines, StandardCharsets.UTF_8);
    Path measures = broken.resolve("measures.csv");
    String text = Files.readString(measures, StandardCharsets.UTF_8);
    String domain = new CodebookLoader(Limits.DEFAULT).defaults().vocabularies().get("domains")
        .stream().filter(d -> text.contains("," + d + ",")).findFirst().orElseThrow();
    Files.writeString(measures, text.replaceFirst("," + domain + ",", ",nonsense,")
        .replaceFirst("\n[^,\n]+,", "\nnowhere,"), StandardCharsets.UTF_8);
    List<String> problems = PackageChecker.check(broken).problems();
    assertTrue(problems.stream().anyMatch(p -> p.contains("primary key") && p.contains("repeats")),
        problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("'nonsense' is not one of")),
        problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains("'nowhere' is no municipalities")),
        problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("measures.csv: hash")),
        problems.toString());
  }

  @Test
  void aDataPackageCannotGoToStandardOutputOrToAFileName() {
    CliRunner.Result stdout = CliRunner.run("compare", Datasets.POLICIES, "--format",
        "datapackage", "-o", "-");
    assertEquals(2, stdout.exit());
    assertTrue(stdout.err().contains("datapackage is a folder of files"), stdout.err());
    CliRunner.Result json = CliRunner.run("compare", Datasets.POLICIES, "--format",
        "datapackage", "-o", dir.resolve("out.json").toString());
    assertEquals(2, json.exit());
    assertFalse(Files.exists(dir.resolve("out.json")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"policies", "generated"})
  void pandasReadsEveryResourceWithTheDeclaredTypes(String name) throws Exception {
    String python = pythonWithPandas();
    Assumptions.assumeTrue(python != null, "no python3 with pandas here");
    Path script = Path.of("src/test/resources/datapackage/read_with_pandas.py");
    Process p = new ProcessBuilder(python, script.toString(), dir.resolve(name).toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "pandas failed: " + out);
    JsonNode read = JsonMapper.shared().readTree(out);
    JsonNode d = descriptor(dir.resolve(name));
    for (JsonNode r : d.get("resources")) {
      JsonNode got = read.get(r.get("name").asString());
      assertEquals(got.get("expected"), got.get("dtypes"), r.get("name").asString());
      long rows;
      try (Stream<String> s = Files.lines(dir.resolve(name).resolve(r.get("path").asString()))) {
        rows = s.count() - 1; // no value of these tables spans lines
      }
      assertEquals(rows, got.get("rows").asLong(), r.get("name").asString());
    }
  }

  /** A python3 that imports pandas, or null. */
  private static String pythonWithPandas() {
    for (String python : List.of("python3", "/usr/bin/python3")) {
      try {
        Process p = new ProcessBuilder(python, "-c", "import pandas")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return python;
        }
      } catch (IOException e) {
        // not installed: try the next
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  private static List<String> list(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static JsonNode resource(JsonNode d, String name) {
    for (JsonNode r : d.get("resources")) {
      if (r.get("name").asString().equals(name)) {
        return r;
      }
    }
    throw new AssertionError("no resource " + name);
  }

  private static boolean hasField(JsonNode schema, String name) {
    for (JsonNode f : schema.get("fields")) {
      if (f.get("name").asString().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode field(JsonNode schema, String name) {
    for (JsonNode f : schema.get("fields")) {
      if (f.get("name").asString().equals(name)) {
        return f;
      }
    }
    throw new AssertionError("no field " + name);
  }
}
