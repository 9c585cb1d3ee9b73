package org.polcomp.load;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polcomp.model.Codebook;
import org.polcomp.model.Vocabulary;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema (draft 2020-12) of the polcomp/1 format, for editors that complete and explain
 * policy files ({@code # yaml-language-server: $schema=...}). The vocabularies come from a
 * codebook, so a user's codebook gives a schema with its own values.
 *
 * <p>The schema describes the shape the {@link PolicyBinder} accepts, as an editor sees it: YAML
 * hands a date to the editor as a string or an integer year, and free text as whatever scalar it
 * looks like, so both are allowed. Rules across values (end before start, unique ids, successors,
 * real calendar dates, known country codes) are left to {@code polcomp validate}. Only keywords
 * that draft-07 editors read the same way are used; {@code enumDescriptions} is the annotation
 * VS Code's JSON and YAML servers show next to enum values.
 */
public final class FormatSchema {
  /** The schema's identifier. */
  public static final String ID = "https://polcomp.org/schema/polcomp-1.schema.json";

  /** The JSON Schema dialect. */
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  /** The first line of a policy file that ties it to the repository's copy of the schema. */
  public static final String MODELINE =
      "# yaml-language-server: $schema=../schema/polcomp-1.schema.json";

  /** Where the repository keeps the generated copy, relative to its root. */
  public static final String REPOSITORY_COPY = "policies/schema/polcomp-1.schema.json";

  private static final String DATE_PATTERN = "^\\d{4}(-\\d{2}(-\\d{2})?)?$";
  private static final String COUNTRY_PATTERN = "^[A-Z]{2}$";
  private static final String ORIGIN_PATTERN = "^origin:[A-Z]{2}$";
  private static final String URL_PATTERN = "^https?://";
  private static final String EXTENSION_PATTERN = "^x-";

  private final Codebook codebook;
  private final JsonMapper json = JsonMapper.builder().build();

  public FormatSchema(Codebook codebook) {
    this.codebook = codebook;
  }

  /** The schema as a tree, keys in a fixed order. */
  public ObjectNode tree() {
    ObjectNode root = json.createObjectNode();
    root.put("$schema", DIALECT);
    root.put("$id", ID);
    root.put("title", "polcomp policy file (" + Vocabulary.FORMAT + ")");
    root.put("description", "One municipality and its migrant-integration measures in the "
        + Vocabulary.FORMAT + " format. Keys starting with x- are extension fields, allowed on "
        + "every map. Vocabularies from the codebook '" + codebook.name()
        + "'; run 'polcomp validate' for the checks a schema cannot make.");
    Map<String, ObjectNode> p = new LinkedHashMap<>();
    p.put("format", describe(json.createObjectNode().put("const", Vocabulary.FORMAT),
        "Optional; if present it must be exactly " + Vocabulary.FORMAT + "."));
    p.put("municipality", ref("municipality", "Required. The municipality this document "
        + "describes."));
    p.put("policies", array("measure", "Required list of the municipality's measures (an empty "
        + "list is a warning)."));
    object(root, PolicyBinder.DOCUMENT_KEYS, List.of("municipality", "policies"), p);
    root.set("$defs", defs());
    return root;
  }

  /** The schema as pretty-printed JSON with a trailing newline, the same bytes on every system. */
  public String text() {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    return json.writer().with(printer).writeValueAsString(tree()) + "\n";
  }

  private ObjectNode defs() {
    ObjectNode defs = json.createObjectNode();
    defs.set("municipality", municipality());
    defs.set("measure", measure());
    defs.set("target", target());
    defs.set("period", period());
    defs.set("funding", funding());
    defs.set("contact", contact());
    defs.set("source", source());
    defs.set("coding", coding());
    defs.set("id", id());
    defs.set("date", date());
    defs.set("text", describe(types("string", "number", "boolean"),
        "Free text; a YAML number or boolean here is read as its text."));
    defs.set("domain", vocabulary("Policy domains, from the codebook.",
        codebook.domains().stream().map(t -> new Value(t.id(), t.description())).toList()));
    defs.set("group", group());
    defs.set("instrument", vocabulary("Policy instruments, from the codebook.",
        codebook.instruments().stream().map(t -> new Value(t.id(), t.description())).toList()));
    defs.set("funding_source", vocabulary("Funding sources, from the codebook.",
        codebook.fundingSources().stream().map(t -> new Value(t.id(), t.description())).toList()));
    defs.set("contact_partner", vocabulary("Contact partners, from the codebook.",
        codebook.contactPartners().stream().map(t -> new Value(t.id(), t.description()))
            .toList()));
    return defs;
  }

  private ObjectNode municipality() {
    ObjectNode m = node("The municipality a document describes.");
    Map<String, ObjectNode> p = new LinkedHashMap<>();
    p.put("id", ref("id", "Required; unique in the dataset (e.g. GM0344)."));
    p.put("name", ref("text", "Required. The municipality's name."));
    ObjectNode country = node("Optional. ISO 3166-1 alpha-2 country code, upper case (e.g. NL).");
    country.put("type", "string");
    country.put("pattern", COUNTRY_PATTERN);
    p.put("country", country);
    p.put("region", ref("text", "Optional. Province, state or county."));
    ObjectNode population = node("Optional. Number of inhabitants, a whole number >= 0.");
    population.put("type", "integer");
    population.put("minimum", 0);
    p.put("population", population);
    p.put("type", ref("text", "Optional free text: the municipality's type in a typology of "
        + "your choice. For the Netherlands the WRR (2018) typology of diversity: large-city, "
        + "suburb, expat, provincial, horticulture, border."));
    p.put("as_of", ref("date", "Optional. The date the description reflects "
        + "(YYYY, YYYY-MM or YYYY-MM-DD)."));
    return object(m, PolicyBinder.MUNICIPALITY_KEYS, List.of("id", "name"), p);
  }

  private ObjectNode measure() {
    ObjectNode m = node("One measure (policy) of the municipality, "
        + "referred to across the dataset as MUNICIPALITY_ID/MEASURE_ID.");
    Map<String, ObjectNode> p = new LinkedHashMap<>();
    p.put("id", ref("id", "Required; unique within the municipality."));
    ObjectNode title = ref("text", "Required, non-blank. The measure's name.");
    title.put("pattern", "\\S");
    p.put("title", title);
    p.put("description", ref("text", "Optional. What the measure does."));
    p.put("domain", ref("domain", "Required. The policy domain (codebook: domains)."));
    p.put("target", ref("target", "Required. Whom the measure is for."));
    p.put("instrument", ref("instrument", "Optional. The kind of instrument (codebook: "
        + "instruments)."));
    p.put("scale", closed("Optional. The scale the measure works at.", Vocabulary.SCALES));
    p.put("period", ref("period", "Optional. When the measure runs."));
    p.put("declared_duration", closed("Optional. What the policy documents say of themselves.",
        Vocabulary.DECLARED_DURATIONS));
    p.put("funding", array("funding", "Optional list of funding entries."));
    p.put("status", closed("Optional. Where the measure stands (ended or upscaled without an "
        + "end date is a warning).", Vocabulary.STATUSES));
    p.put("successor", ref("id", "Optional. The id of the measure (same municipality) that "
        + "continues this one."));
    p.put("contact", ref("contact", "Optional. Whom the measure aims to bring newcomers into "
        + "contact with."));
    p.put("sources", array("source", "Optional list of the documents the measure rests on (a "
        + "measure without sources is a warning)."));
    p.put("coding", codings());
    return object(m, PolicyBinder.MEASURE_KEYS, List.of("id", "title", "domain", "target"), p);
  }

  private ObjectNode target() {
    ObjectNode t = node("Whom a measure is for.");
    Map<String, ObjectNode> p = new LinkedHashMap<>();
    ObjectNode groups = array("group", "Required, non-empty list of target groups (codebook: "
        + "groups), or origin:XX for a national origin.");
    groups.put("minItems", 1);
    p.put("groups", groups);
    p.put("eligibility", ref("text", "Optional free text: who is eligible, in the documents' "
        + "words."));
    ObjectNode proxy = node("Optional. true when generic groups "
        + "are chosen to reach migrants through a substitute (neighbourhood, language level, "
        + "income).");
    proxy.put("type", "boolean");
    p.put("proxy", proxy);
    return object(t, PolicyBinder.TARGET_KEYS, List.of("groups"), p);
  }

  private ObjectNode period() {
    ObjectNode o = node("When a measure runs.");
    Map<String, ObjectNode> p = new LinkedHashMap<>();
    p.put("start", ref("date", "Optional. YYYY, YYYY-MM or YYYY-MM-DD; a start is the first day "
        + "of its period (2016-11 = 2016-11-01)."));
    ObjectNode end = node("Optional. YYYY, YYYY-MM or YYYY-MM-DD, "
        + "or the word open (explicitly no end date); an end is the last day of its period "
        + "(2018-10 = 2018-10-31) and not before the start.");
    ArrayNode any = end.putArray("anyOf");
    any.add(json.createObjectNode().put("$ref", "#/$defs/date"));
    any.add(describe(json.createObjectNode().put("const", "open"), "Explicitly no end date."));
    p.put("end", end);
    return object(o, PolicyBinder.PERIOD_KEYS, List.of(), p);
  }

  private ObjectNode funding() {
    ObjectNode f = node("One source of a measure's money.");
    Map<String, ObjectNode> p = new LinkedHashMap<>();
    p.put("source", ref("funding_source", "Required. Where the money comes from (codebook: "
        + "funding_sources)."));
    ObjectNode amount = node("Optional. The amount in euro, a "
        + "number >= 0.");
    amount.put("type", "number");
    amount.put("minimum", 0);
    p.put("amount_eur", amount);
    p.put("note", ref("text", "Optional note."));
    return object(f, PolicyBinder.FUNDING_KEYS, List.of("source"), p);
  }

  private ObjectNode contact() {
    ObjectNode c = node("Whom a measure aims to bring newcomers into contact with.");
    Map<String, ObjectNode> p = new LinkedHashMap<>();
    p.put("with", array("contact_partner", "Contact partners (codebook: contact_partners)."));
    return object(c, PolicyBinder.CONTACT_KEYS, List.of(), p);
  }

  private ObjectNode source() {
    ObjectNode s = node("A document a measure rests on.");
    Map<String, ObjectNode> p = new LinkedHashMap<>();
    p.put("title", ref("text", "Required. The document's title."));
    ObjectNode url = node("Optional. A web address; only http(s) URLs are accepted.");
    url.put("type", "string");
    url.put("pattern", URL_PATTERN);
    p.put("url", url);
    p.put("date", ref("date", "Optional. The document's date (YYYY, YYYY-MM or YYYY-MM-DD)."));
    p.put("page", ref("text", "Optional. The page or pages, e.g. \"3-12\"."));
    return object(s, PolicyBinder.SOURCE_KEYS, List.of("title"), p);
  }

  /** A single coding, or a list of codings each naming its coder (unique: 'validate' checks). */
  private ObjectNode codings() {
    ObjectNode c = node("Optional. A human coder's own classification, compared with the "
        + "rule-based one; or, with several coders, a list of them, each naming its coder (no "
        + "coder twice).");
    ArrayNode any = c.putArray("anyOf");
    any.add(json.createObjectNode().put("$ref", "#/$defs/coding"));
    ObjectNode list = any.addObject().put("type", "array");
    ObjectNode item = list.putObject("items").put("$ref", "#/$defs/coding");
    item.putArray("required").add("coder");
    return c;
  }

  private ObjectNode coding() {
    ObjectNode c = node("A human coder's own classification of a "
        + "measure.");
    Map<String, ObjectNode> p = new LinkedHashMap<>();
    p.put("targeting", closed("The coder's targeting label.", Vocabulary.TARGETING_CODES));
    p.put("duration", closed("The coder's duration label.", Vocabulary.DURATION_CODES));
    p.put("coder", ref("text", "Who coded the measure (e.g. initials): optional for a single "
        + "coding, required in a list."));
    p.put("note", ref("text", "Optional. The coder's note."));
    return object(c, PolicyBinder.CODING_KEYS, List.of(), p);
  }

  private ObjectNode id() {
    ObjectNode id = node("An id: 1-64 letters, digits, '.', '_' or "
        + "'-', starting with a letter or digit.");
    ArrayNode any = id.putArray("anyOf");
    ObjectNode text = json.createObjectNode();
    text.put("type", "string");
    text.put("pattern", "^" + Vocabulary.ID.pattern() + "$");
    any.add(text);
    // YAML reads an id such as 0344 as a number; polcomp keeps its text.
    any.add(json.createObjectNode().put("type", "integer").put("minimum", 0));
    return id;
  }

  private ObjectNode date() {
    ObjectNode date = node("A date: YYYY, YYYY-MM or YYYY-MM-DD, a "
        + "real calendar date.");
    ArrayNode any = date.putArray("anyOf");
    ObjectNode text = json.createObjectNode();
    text.put("type", "string");
    text.put("pattern", DATE_PATTERN);
    any.add(text);
    // YAML reads an unquoted year such as 2016 as a number.
    any.add(json.createObjectNode().put("type", "integer").put("minimum", 1000)
        .put("maximum", 9999));
    return date;
  }

  private ObjectNode group() {
    List<Value> values = codebook.groups().stream().map(g -> new Value(g.id(),
        join(g.description(), g.migrationDefined() ? "migration-defined" : "generic"))).toList();
    ObjectNode group = node("Target groups, from the codebook: "
        + "migration-defined (eligibility by migration status, origin or ethnicity) or generic "
        + "(eligibility by territory, need or life stage).");
    ArrayNode any = group.putArray("anyOf");
    any.add(vocabulary(null, values));
    ObjectNode origin = node("origin:XX, a national origin (XX an "
        + "ISO 3166-1 alpha-2 code, e.g. origin:SY); migration-defined.");
    origin.put("type", "string");
    origin.put("pattern", ORIGIN_PATTERN);
    any.add(origin);
    return group;
  }

  private static String join(String description, String kind) {
    return description == null || description.isBlank() ? kind : description + " (" + kind + ")";
  }

  /** A value of a codebook vocabulary and what it means. */
  private record Value(String id, String description) {}

  private ObjectNode vocabulary(String description, List<Value> values) {
    ObjectNode v = description == null ? json.createObjectNode() : node(description);
    v.put("type", "string");
    ArrayNode e = v.putArray("enum");
    values.forEach(t -> e.add(t.id()));
    if (values.stream().anyMatch(t -> t.description() != null)) {
      ArrayNode d = v.putArray("enumDescriptions");
      values.forEach(t -> d.add(t.description() == null ? "" : t.description()));
    }
    return v;
  }

  private ObjectNode closed(String description, List<String> values) {
    ObjectNode c = node(description + " One of: "
        + String.join(", ", values) + ".");
    c.put("type", "string");
    ArrayNode e = c.putArray("enum");
    values.forEach(e::add);
    return c;
  }

  private ObjectNode types(String... types) {
    ObjectNode t = json.createObjectNode();
    ArrayNode a = t.putArray("type");
    for (String type : types) {
      a.add(type);
    }
    return t;
  }

  private ObjectNode array(String itemDef, String description) {
    ObjectNode a = node(description).put("type", "array");
    a.set("items", json.createObjectNode().put("$ref", "#/$defs/" + itemDef));
    return a;
  }

  private ObjectNode ref(String def, String description) {
    return node(description).put("$ref", "#/$defs/" + def);
  }

  private ObjectNode node(String description) {
    return json.createObjectNode().put("description", description);
  }

  /** {@code node} with a description first, so that one leads every property in the file. */
  private ObjectNode describe(ObjectNode node, String description) {
    ObjectNode d = json.createObjectNode().put("description", description);
    d.setAll(node);
    return d;
  }

  /**
   * Makes {@code o} a closed object of {@code keys} (the binder's keys, so that the schema and the
   * binder cannot drift apart) plus {@code x-} extension fields.
   */
  private ObjectNode object(ObjectNode o, List<String> keys, List<String> required,
      Map<String, ObjectNode> properties) {
    if (!properties.keySet().equals(new HashSet<>(keys))) {
      throw new IllegalStateException("the schema's keys " + properties.keySet()
          + " differ from the format's " + keys);
    }
    o.put("type", "object");
    if (!required.isEmpty()) {
      ArrayNode r = o.putArray("required");
      required.forEach(r::add);
    }
    ObjectNode props = o.putObject("properties");
    keys.forEach(k -> props.set(k, properties.get(k)));
    o.putObject("patternProperties").putObject(EXTENSION_PATTERN).put("description",
        "An extension field: ignored by the classifier, kept in the JSON output.");
    o.put("additionalProperties", false);
    return o;
  }
}
