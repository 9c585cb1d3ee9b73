package org.polcomp.report;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the CSV files of a data package against their Table Schemas, as {@code frictionless
 * validate} does for what polcomp declares: the header names the fields in order; every value
 * that is not a missing value parses as its field's type and keeps its constraints (pattern,
 * minimum, maximum, uri format) and categories; primary keys are present and unique, unique keys
 * unique, foreign keys resolve; and each file has the declared size and hash and no byte-order
 * mark. Returns the problems found, located as {@code file:row:field}.
 */
final class PackageChecker {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|NaN|INF|-INF");
  private static final Set<String> TRUE = Set.of("true", "True", "TRUE", "1");
  private static final Set<String> FALSE = Set.of("false", "False", "FALSE", "0");

  private final Path folder;
  private final JsonNode descriptor;
  private final List<String> problems = new ArrayList<>();
  // resource -> field -> the values it holds, for the foreign keys
  private final Map<String, Map<String, Set<String>>> values = new HashMap<>();
  private final Map<String, Pattern> patterns = new HashMap<>();
  private long cells;

  private PackageChecker(Path folder) throws IOException {
    this.folder = folder;
    this.descriptor = JsonMapper.shared().readTree(folder.resolve("datapackage.json").toFile());
  }

  /** What the result says. */
  record Result(List<String> problems, long cells, int resources) {}

  static Result check(Path folder) throws IOException {
    PackageChecker c = new PackageChecker(folder);
    int n = 0;
    for (JsonNode r : c.descriptor.get("resources")) {
      c.table(r);
      n++;
    }
    for (JsonNode r : c.descriptor.get("resources")) {
      c.foreignKeys(r);
    }
    return new Result(List.copyOf(c.problems), c.cells, n);
  }

  private void table(JsonNode resource) throws IOException {
    String name = resource.get("name").asString();
    Path file = folder.resolve(resource.get("path").asString());
    byte[] bytes = Files.readAllBytes(file);
    if (resource.has("bytes") && resource.get("bytes").asLong() != bytes.length) {
      problems.add(file.getFileName() + ": " + bytes.length + " bytes, declared "
          + resource.get("bytes"));
    }
    if (resource.has("hash")) {
      String hash = "sha256:" + HexFormat.of().formatHex(sha256(bytes));
      if (!hash.equals(resource.get("hash").asString())) {
        problems.add(file.getFileName() + ": hash " + hash + ", declared " + resource.get("hash"));
      }
    }
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef) {
      problems.add(file.getFileName() + ": starts with a byte-order mark");
    }
    JsonNode schema = resource.get("schema");
    List<JsonNode> fields = new ArrayList<>();
    schema.get("fields").forEach(fields::add);
    Set<String> missing = new HashSet<>();
    schema.get("missingValues").forEach(v -> missing.add(v.asString()));
    List<String> primary = names(schema.get("primaryKey"));
    List<List<String>> uniques = new ArrayList<>();
    if (schema.has("uniqueKeys")) {
      schema.get("uniqueKeys").forEach(k -> uniques.add(names(k)));
    }
    Set<List<String>> seenPrimary = new HashSet<>();
    List<Set<List<String>>> seenUnique = new ArrayList<>();
    uniques.forEach(u -> seenUnique.add(new HashSet<>()));
    Map<String, Set<String>> held = values.computeIfAbsent(name, k -> new HashMap<>());
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.RFC4180.parse(r)) {
      List<CSVRecord> records = p.getRecords();
      List<String> header = records.isEmpty() ? List.of() : records.get(0).toList();
      List<String> expected = fields.stream().map(f -> f.get("name").asString()).toList();
      if (!header.equals(expected)) {
        problems.add(file.getFileName() + ": header " + header + ", fields " + expected);
        return;
      }
      for (int row = 1; row < records.size(); row++) {
        CSVRecord rec = records.get(row);
        String where = file.getFileName() + ":" + (row + 1);
        if (rec.size() != fields.size()) {
          problems.add(where + ": " + rec.size() + " cells, " + fields.size() + " fields");
          continue;
        }
        Map<String, String> cellsByName = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
          String raw = rec.get(i);
          JsonNode f = fields.get(i);
          String field = f.get("name").asString();
          String v = missing.contains(raw) ? null : raw;
          cellsByName.put(field, v);
          if (v != null) {
            cell(where + ":" + field, f, v);
            held.computeIfAbsent(field, k -> new HashSet<>()).add(v);
          }
        }
        if (!primary.isEmpty()) {
          List<String> key = key(cellsByName, primary);
          if (key.contains(null)) {
            problems.add(where + ": primary key " + primary + " has an empty cell");
          } else if (!seenPrimary.add(key)) {
            problems.add(where + ": primary key " + key + " repeats");
          }
        }
        for (int u = 0; u < uniques.size(); u++) {
          List<String> key = key(cellsByName, uniques.get(u));
          if (!seenUnique.get(u).add(key)) {
            problems.add(where + ": unique key " + key + " repeats");
          }
        }
      }
    }
  }

  private void cell(String where, JsonNode f, String v) {
    cells++;
    String type = f.has("type") ? f.get("type").asString() : "string";
    Double number = null;
    switch (type) {
      case "integer" -> {
        if (!INTEGER.matcher(v).matches()) {
          problems.add(where + ": '" + v + "' is not an integer");
          return;
        }
        number = Double.valueOf(v);
      }
      case "number" -> {
        if (!NUMBER.matcher(v).matches()) {
          problems.add(where + ": '" + v + "' is not a number");
          return;
        }
        number = v.endsWith("INF") ? (v.startsWith("-") ? Double.NEGATIVE_INFINITY
            : Double.POSITIVE_INFINITY) : Double.valueOf(v);
      }
      case "boolean" -> {
        if (!TRUE.contains(v) && !FALSE.contains(v)) {
          problems.add(where + ": '" + v + "' is not a boolean");
        }
      }
      case "string" -> {
        if (f.has("format") && f.get("format").asString().equals("uri")) {
          try {
            if (!new URI(v).isAbsolute()) {
              problems.add(where + ": '" + v + "' is not an absolute URI");
            }
          } catch (URISyntaxException e) {
            problems.add(where + ": '" + v + "' is not a URI");
          }
        }
      }
      default -> problems.add(where + ": polcomp declares no field of type " + type);
    }
    if (f.has("categories")) {
      Set<String> allowed = new HashSet<>();
      for (JsonNode c : f.get("categories")) {
        allowed.add(c.isObject() ? c.get("value").asString() : c.asString());
      }
      if (!allowed.contains(v)) {
        problems.add(where + ": '" + v + "' is not one of the categories");
      }
    }
    JsonNode c = f.get("constraints");
    if (c == null) {
      return;
    }
    if (c.has("pattern") && !patterns.computeIfAbsent(c.get("pattern").asString(), Pattern::compile)
        .matcher(v).matches()) {
      problems.add(where + ": '" + v + "' does not match " + c.get("pattern"));
    }
    if (number != null && c.has("minimum") && number < c.get("minimum").asDouble()) {
      problems.add(where + ": " + v + " is below the minimum " + c.get("minimum"));
    }
    if (number != null && c.has("maximum") && number > c.get("maximum").asDouble()) {
      problems.add(where + ": " + v + " is above the maximum " + c.get("maximum"));
    }
  }

  private void foreignKeys(JsonNode resource) throws IOException {
    JsonNode fks = resource.get("schema").get("foreignKeys");
    if (fks == null) {
      return;
    }
    String name = resource.get("name").asString();
    for (JsonNode fk : fks) {
      List<String> from = names(fk.get("fields"));
      JsonNode ref = fk.get("reference");
      String target = ref.has("resource") ? ref.get("resource").asString() : name;
      List<String> to = names(ref.get("fields"));
      if (from.size() != 1 || to.size() != 1) {
        problems.add(name + ": this checker resolves one-field foreign keys only");
        continue;
      }
      Set<String> targets = values.getOrDefault(target, Map.of()).getOrDefault(to.get(0), Set.of());
      for (String v : values.get(name).getOrDefault(from.get(0), Set.of())) {
        if (!targets.contains(v)) {
          problems.add(name + "." + from.get(0) + ": '" + v + "' is no " + target + "."
              + to.get(0));
        }
      }
    }
  }

  private static List<String> key(Map<String, String> row, List<String> fields) {
    List<String> key = new ArrayList<>();
    for (String f : fields) {
      key.add(row.get(f));
    }
    return key;
  }

  private static List<String> names(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (node.isString()) {
      out.add(node.asString());
    } else {
      node.forEach(n -> out.add(n.asString()));
    }
    return out;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
