package org.polcomp.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polcomp.cli.Main;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The default dataset ({@code policies/}) rests on public sources: it validates without errors,
 * every warning is explained in its README, every measure cites a source with an address or a
 * title, every address is on a site that the specification's source list names, and every
 * source without an address is a document that the source list (or the law) names. Nothing
 * here counts files, municipalities or measures, so adding a sourced measure keeps it green.
 */
class DefaultDatasetTest {
  private static final Path DATASET = Path.of("policies");
  private static final Pattern QUOTED_ID = Pattern.compile("'([A-Za-z0-9][A-Za-z0-9._-]*)'");

  /** Every policy document of the dataset, by file. */
  private static Map<Path, List<JsonNode>> documents;

  @BeforeAll
  static void readDataset() throws IOException {
    documents = new TreeMap<>();
    YAMLMapper yaml = YAMLMapper.builder().build();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(DATASET)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    }
    for (Path f : files) {
      List<JsonNode> docs = new ArrayList<>();
      try (var it = yaml.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(f, StandardCharsets.UTF_8))) {
        while (it.hasNext()) {
          JsonNode d = it.next();
          if (d != null && !d.isMissingNode() && !d.isNull()) {
            docs.add(d);
          }
        }
      }
      documents.put(f, docs);
    }
    assertFalse(documents.isEmpty(), "no policy files under " + DATASET);
  }

  private static JsonNode validateJson() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new Main(new PrintWriter(out), new PrintWriter(err))
        .run("validate", "--format", "json", DATASET.toString());
    assertEquals(0, exit, out + err.toString());
    return JsonMapper.builder().build().readTree(out.toString());
  }

  @Test
  void validatesWithoutErrors() throws IOException {
    JsonNode report = validateJson();
    assertEquals(0, report.get("errors").asInt(), report.toPrettyString());
    for (JsonNode d : report.get("diagnostics")) {
      assertEquals("warning", d.get("severity").asString(), d.toString());
    }
  }

  /** Each warning has a line in policies/README.md with its code and measure id: the why. */
  @Test
  void everyWarningIsExplainedInTheReadme() throws IOException {
    String readme = Files.readString(DATASET.resolve("README.md"), StandardCharsets.UTF_8);
    List<String> unexplained = new ArrayList<>();
    for (JsonNode d : validateJson().get("diagnostics")) {
      String code = d.get("code").asString();
      Matcher m = QUOTED_ID.matcher(d.get("message").asString());
      String id = m.find() ? m.group(1) : "";
      String needle = "`" + id + "`";
      boolean explained = readme.lines().anyMatch(l -> l.contains(code) && l.contains(needle));
      if (!explained) {
        unexplained.add(d.get("file").asString() + ":" + d.get("line").asInt() + " " + code + " " + id);
      }
    }
    assertTrue(unexplained.isEmpty(),
        "warnings without a line in policies/README.md that names the code and the `measure id`: "
            + unexplained);
  }

  @Test
  void everyMeasureCitesASourceWithAnAddressOrATitle() {
    List<String> problems = new ArrayList<>();
    forEachMeasure((where, measure) -> {
      JsonNode sources = measure.path("sources");
      if (!sources.isArray() || sources.isEmpty()) {
        problems.add(where + ": no sources");
        return;
      }
      for (JsonNode s : sources) {
        boolean url = !s.path("url").asString("").isBlank();
        boolean title = !s.path("title").asString("").isBlank();
        if (!url && !title) {
          problems.add(where + ": a source with neither url nor title");
        }
      }
    });
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /**
   * A source cited without an address is a document that the source list names (or a public
   * law or circular): its title is in dataset/source-titles.txt. With the sites of
   * source-hosts.txt, this leaves no measure resting on a citation that the source list does
   * not know.
   */
  @Test
  void everySourceWithoutAnAddressIsADocumentOfTheSourceList() throws IOException {
    Set<String> titles = listedLines("/dataset/source-titles.txt", false);
    List<String> problems = new ArrayList<>();
    forEachMeasure((where, measure) -> {
      for (JsonNode s : measure.path("sources")) {
        String title = s.path("title").asString("").strip();
        if (s.path("url").asString("").isBlank() && !titles.contains(title)) {
          problems.add(where + ": \"" + title + "\"");
        }
      }
    });
    assertTrue(problems.isEmpty(),
        "sources without an address whose title src/test/resources/dataset/source-titles.txt"
            + " does not list:\n" + String.join("\n", problems));
  }

  /** Every http(s) address anywhere in the files, x- fields included, is on a listed site. */
  @Test
  void everyAddressIsOnASiteOfTheSourceList() throws IOException {
    Set<String> hosts = allowedHosts();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Path, List<JsonNode>> e : documents.entrySet()) {
      for (JsonNode doc : e.getValue()) {
        List<String> urls = new ArrayList<>();
        collectUrls(doc, urls);
        for (String u : urls) {
          String host = host(u);
          if (host == null || !hosts.contains(host)) {
            problems.add(e.getKey() + ": " + u);
          }
        }
      }
    }
    assertTrue(problems.isEmpty(),
        "addresses on sites that src/test/resources/dataset/source-hosts.txt does not list:\n"
            + String.join("\n", problems));
  }

  @Test
  void everyMunicipalitySaysWhichDateItDescribes() {
    List<String> missing = new ArrayList<>();
    documents.forEach((file, docs) -> {
      for (JsonNode doc : docs) {
        if (doc.path("municipality").path("as_of").asString("").isBlank()) {
          missing.add(file.toString());
        }
      }
    });
    assertTrue(missing.isEmpty(), "no municipality.as_of in " + missing);
  }

  /** A merged municipality's x-successor names a municipality that the dataset describes. */
  @Test
  void successorMunicipalitiesAreInTheDataset() {
    Set<String> ids = new HashSet<>();
    List<String> successors = new ArrayList<>();
    documents.forEach((file, docs) -> {
      for (JsonNode doc : docs) {
        ids.add(doc.path("municipality").path("id").asString());
        JsonNode s = doc.path("municipality").path("x-successor").path("id");
        if (!s.isMissingNode()) {
          successors.add(file + " -> " + s.asString());
        }
      }
    });
    for (String s : successors) {
      String id = s.substring(s.lastIndexOf(' ') + 1);
      assertTrue(ids.contains(id), "x-successor names no municipality of the dataset: " + s);
    }
  }

  private interface MeasureVisitor {
    void visit(String where, JsonNode measure);
  }

  private static void forEachMeasure(MeasureVisitor visitor) {
    documents.forEach((file, docs) -> {
      for (JsonNode doc : docs) {
        String muni = doc.path("municipality").path("id").asString();
        for (JsonNode m : doc.path("policies")) {
          visitor.visit(file + " " + muni + "/" + m.path("id").asString(), m);
        }
      }
    });
  }

  private static void collectUrls(JsonNode node, List<String> into) {
    if (node.isString()) {
      String t = node.asString().trim();
      String lower = t.toLowerCase(Locale.ROOT);
      if (lower.startsWith("http://") || lower.startsWith("https://")) {
        into.add(t);
      }
    } else if (node.isContainer()) {
      node.values().forEach(child -> collectUrls(child, into));
    }
  }

  private static String host(String url) {
    try {
      String h = URI.create(url).getHost();
      if (h == null) {
        return null;
      }
      h = h.toLowerCase(Locale.ROOT);
      return h.startsWith("www.") ? h.substring(4) : h;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Set<String> allowedHosts() throws IOException {
    return listedLines("/dataset/source-hosts.txt", true);
  }

  /** The non-blank lines of a test resource that are not comments (hosts are case-blind). */
  private static Set<String> listedLines(String resource, boolean lowerCase) throws IOException {
    Set<String> lines = new HashSet<>();
    try (InputStream in = DefaultDatasetTest.class.getResourceAsStream(resource)) {
      assertTrue(in != null, "missing test resource " + resource);
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          lines.add(lowerCase ? l.toLowerCase(Locale.ROOT) : l);
        }
      }
    }
    return lines;
  }
}
