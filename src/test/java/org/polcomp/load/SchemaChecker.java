package org.polcomp.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A small JSON Schema checker for the tests, supporting only the keywords {@link FormatSchema}
 * writes. It refuses any other keyword, so a new keyword in the schema needs a look here first
 * (and a thought about whether editors read it).
 */
final class SchemaChecker {
  /** Keywords that only annotate. */
  private static final Set<String> ANNOTATIONS =
      Set.of("$schema", "$id", "title", "description", "$defs", "enumDescriptions");

  private final JsonNode root;

  SchemaChecker(JsonNode root) {
    this.root = root;
  }

  /** The errors of {@code value}, each as "path: what"; empty when it is valid. */
  List<String> check(JsonNode value) {
    List<String> errors = new ArrayList<>();
    check(root, value, "$", errors);
    return errors;
  }

  private void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
    for (Map.Entry<String, JsonNode> e : schema.properties()) {
      String k = e.getKey();
      JsonNode arg = e.getValue();
      switch (k) {
        case "$ref" -> check(resolve(arg.asString()), value, path, errors);
        case "type" -> {
          boolean ok = false;
          for (JsonNode t : arg.isArray() ? arg.values() : List.of(arg)) {
            ok |= hasType(value, t.asString());
          }
          if (!ok) {
            errors.add(path + ": not of type " + arg);
          }
        }
        case "const" -> {
          if (!same(arg, value)) {
            errors.add(path + ": not " + arg);
          }
        }
        case "enum" -> {
          boolean ok = false;
          for (JsonNode v : arg.values()) {
            ok |= same(v, value);
          }
          if (!ok) {
            errors.add(path + ": not one of " + arg);
          }
        }
        case "pattern" -> {
          if (value.isString()
              && !Pattern.compile(arg.asString()).matcher(value.asString()).find()) {
            errors.add(path + ": does not match " + arg.asString());
          }
        }
        case "minimum" -> {
          if (value.isNumber() && value.decimalValue().compareTo(arg.decimalValue()) < 0) {
            errors.add(path + ": below " + arg);
          }
        }
        case "maximum" -> {
          if (value.isNumber() && value.decimalValue().compareTo(arg.decimalValue()) > 0) {
            errors.add(path + ": above " + arg);
          }
        }
        case "minItems" -> {
          if (value.isArray() && value.size() < arg.asInt()) {
            errors.add(path + ": fewer than " + arg + " items");
          }
        }
        case "items" -> {
          if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
              check(arg, value.get(i), path + "[" + i + "]", errors);
            }
          }
        }
        case "anyOf" -> {
          boolean ok = false;
          for (JsonNode alt : arg.values()) {
            List<String> sub = new ArrayList<>();
            check(alt, value, path, sub);
            ok |= sub.isEmpty();
          }
          if (!ok) {
            errors.add(path + ": matches none of the alternatives");
          }
        }
        case "required" -> {
          if (value.isObject()) {
            for (JsonNode r : arg.values()) {
              if (!value.has(r.asString())) {
                errors.add(path + ": missing " + r.asString());
              }
            }
          }
        }
        case "properties", "patternProperties" -> {
          // checked with additionalProperties, below
        }
        case "additionalProperties" -> {
          if (arg.asBoolean()) {
            throw new IllegalStateException("additionalProperties: true is not expected");
          }
        }
        default -> {
          if (!ANNOTATIONS.contains(k)) {
            throw new IllegalStateException("keyword '" + k + "' is not supported by the test's "
                + "checker");
          }
        }
      }
    }
    if (value.isObject() && (schema.has("properties") || schema.has("patternProperties"))) {
      for (Map.Entry<String, JsonNode> p : value.properties()) {
        boolean known = false;
        JsonNode ps = schema.path("properties").get(p.getKey());
        if (ps != null) {
          known = true;
          check(ps, p.getValue(), path + "." + p.getKey(), errors);
        }
        for (Map.Entry<String, JsonNode> pp : schema.path("patternProperties").properties()) {
          if (Pattern.compile(pp.getKey()).matcher(p.getKey()).find()) {
            known = true;
            check(pp.getValue(), p.getValue(), path + "." + p.getKey(), errors);
          }
        }
        if (!known && schema.has("additionalProperties")) {
          errors.add(path + ": unknown key " + p.getKey());
        }
      }
    }
  }

  private JsonNode resolve(String ref) {
    if (!ref.startsWith("#/$defs/")) {
      throw new IllegalStateException("only local $defs references are supported: " + ref);
    }
    JsonNode target = root.path("$defs").get(ref.substring("#/$defs/".length()));
    if (target == null) {
      throw new IllegalStateException("dangling reference " + ref);
    }
    return target;
  }

  private static boolean hasType(JsonNode v, String type) {
    return switch (type) {
      case "object" -> v.isObject();
      case "array" -> v.isArray();
      case "string" -> v.isString();
      case "boolean" -> v.isBoolean();
      case "null" -> v.isNull();
      case "number" -> v.isNumber();
      // JSON Schema: a number with a zero fractional part is an integer.
      case "integer" -> v.isIntegralNumber()
          || (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0);
      default -> throw new IllegalStateException("unknown type " + type);
    };
  }

  private static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }
}
