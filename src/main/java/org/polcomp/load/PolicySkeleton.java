package org.polcomp.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.polcomp.model.Codebook;
import org.polcomp.model.Vocabulary;

/**
 * A new policy file ({@code polcomp init}): the schema comment, the municipality and one example
 * measure with every commonly used key filled with a placeholder and explained in a comment. The
 * placeholders are values of the codebook, so the skeleton validates as it is.
 */
public final class PolicySkeleton {
  /** Where trailing comments start, so that they line up. */
  private static final int COMMENT_COLUMN = 36;
  /** Comment lines listing a vocabulary wrap before this width. */
  private static final int WIDTH = 100;
  /** Words that a YAML 1.1 or 1.2 reader may take for a boolean or null rather than text. */
  private static final Set<String> RESERVED =
      Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n", "~");

  private final Codebook codebook;

  public PolicySkeleton(Codebook codebook) {
    this.codebook = codebook;
  }

  /**
   * The file for municipality {@code id} named {@code name}.
   *
   * @throws IllegalArgumentException when the id breaks the id pattern
   */
  public String text(String id, String name) {
    if (!Vocabulary.ID.matcher(id).matches()) {
      throw new IllegalArgumentException("invalid municipality id: " + id);
    }
    var vocab = codebook.vocabularies();
    String domain = pick(vocab.get("domains"), "social-cohesion");
    String group = pick(vocab.get("groups"), "refugees");
    String instrument = pick(vocab.get("instruments"), "project");
    String funding = pick(vocab.get("funding_sources"), "municipal-incidental");
    String partner = pick(vocab.get("contact_partners"), "neighbours");
    boolean migrationDefined = codebook.group(group).map(Codebook.Group::migrationDefined)
        .orElse(false);

    List<String> out = new ArrayList<>();
    out.add(FormatSchema.MODELINE);
    out.add("# A " + Vocabulary.FORMAT
        + " policy file: one municipality and its migrant-integration measures.");
    out.add("# Replace the placeholder values, delete the optional keys you do not need, copy the");
    out.add("# measure (from '- id:' on) once for every further measure, then check the file with");
    out.add("# 'polcomp validate FILE'. Keys starting with x- are your own extension fields.");
    line(out, 0, "format: " + Vocabulary.FORMAT, "optional; if present it must be exactly this");
    line(out, 0, "municipality:", null);
    line(out, 2, "id: " + scalarId(id), "required; unique in the dataset");
    line(out, 2, "name: " + scalarText(name), "required");
    line(out, 2, "country: NL", "optional: ISO 3166-1 alpha-2 code, upper case");
    line(out, 2, "region: Region name", "optional: province, state or county");
    line(out, 2, "population: 0", "optional: number of inhabitants, a whole number >= 0");
    line(out, 2, "type: large-city", "optional free text; in the Netherlands the WRR types:"
        + " large-city, suburb, expat, provincial, horticulture, border");
    line(out, 2, "as_of: 2025-01-01", "optional: the date this description reflects");
    line(out, 0, "policies:", "required list of measures (an empty list is a warning)");
    line(out, 2, "- id: example-measure", "required; unique within the municipality");
    line(out, 4, "title: Example measure", "required, not blank");
    line(out, 4, "description: What the measure does and how", "optional");
    values(out, 4, "domain, one of", vocab.get("domains"));
    line(out, 4, "domain: " + domain, "required");
    line(out, 4, "target:", "required: whom the measure is for");
    values(out, 6, "groups, migration-defined", codebook.groups().stream()
        .filter(Codebook.Group::migrationDefined).map(Codebook.Group::id).toList());
    values(out, 6, "groups, generic", codebook.groups().stream()
        .filter(g -> !g.migrationDefined()).map(Codebook.Group::id).toList());
    line(out, 6, "groups: [" + group + "]", "required, not empty; origin:XX for a national "
        + "origin (e.g. origin:SY)");
    line(out, 6, "eligibility: Who may take part, in the documents' words", "optional");
    line(out, 6, "proxy: false", "optional: true when these generic groups stand in for "
        + "migrants (neighbourhood, language level, income)");
    values(out, 4, "instrument, one of", vocab.get("instruments"));
    line(out, 4, "instrument: " + instrument, "optional");
    line(out, 4, "scale: municipal", "optional: " + String.join(" | ", Vocabulary.SCALES));
    line(out, 4, "period:", "optional: when the measure runs");
    line(out, 6, "start: 2025-01", "YYYY, YYYY-MM or YYYY-MM-DD (the first day of it)");
    line(out, 6, "end: 2026-12", "same forms (the last day of it), or the word open for no end "
        + "date");
    line(out, 4, "declared_duration: temporary", "optional: "
        + String.join(" | ", Vocabulary.DECLARED_DURATIONS)
        + " (what the policy documents say of themselves)");
    line(out, 4, "funding:", "optional list");
    values(out, 6, "source, one of", vocab.get("funding_sources"));
    line(out, 6, "- source: " + funding, "required in an entry");
    line(out, 8, "amount_eur: 0", "optional: a number >= 0, in euro");
    line(out, 8, "note: Budget line or council decision", "optional");
    line(out, 4, "status: active", "optional: " + String.join(" | ", Vocabulary.STATUSES));
    line(out, 4, "# successor: other-measure-id", "optional: id of the measure (same "
        + "municipality) that continues this one");
    line(out, 4, "contact:", "optional: whom the measure brings newcomers into contact with");
    values(out, 6, "with, any of", vocab.get("contact_partners"));
    line(out, 6, "with: [" + partner + "]", null);
    line(out, 4, "sources:", "optional, but a measure without sources is a warning");
    line(out, 6, "- title: Council decision on the example measure", "required in an entry");
    line(out, 8, "url: https://example.org/decision.pdf", "optional; http(s) only");
    line(out, 8, "date: 2025-01-15", "optional");
    line(out, 8, "page: \"1-2\"", "optional");
    line(out, 4, "coding:", "optional: a coder's own classification, or a list of them, one per"
        + " coder (or delete)");
    line(out, 6, "targeting: " + (migrationDefined ? "target-group" : "mainstreamed"),
        String.join(" | ", Vocabulary.TARGETING_CODES));
    line(out, 6, "duration: temporary", String.join(" | ", Vocabulary.DURATION_CODES));
    line(out, 6, "coder: AB", "optional: who coded it (e.g. initials)");
    line(out, 6, "note: Why these labels", "optional");
    return String.join("\n", out) + "\n";
  }

  private static String pick(List<String> values, String preferred) {
    return values.contains(preferred) ? preferred : values.get(0);
  }

  private static void line(List<String> out, int indent, String text, String comment) {
    StringBuilder sb = new StringBuilder(" ".repeat(indent)).append(text);
    if (comment != null) {
      sb.append(" ".repeat(Math.max(1, COMMENT_COLUMN - sb.length()))).append("# ")
          .append(comment);
    }
    out.add(sb.toString());
  }

  /** A comment listing a vocabulary's values, wrapped. */
  private static void values(List<String> out, int indent, String key, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    String pad = " ".repeat(indent);
    StringBuilder sb = new StringBuilder(pad).append("# ").append(key).append(": ");
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i) + (i < values.size() - 1 ? "," : "");
      if (sb.length() + 1 + v.length() > WIDTH && !sb.toString().endsWith(": ")) {
        out.add(sb.toString());
        sb = new StringBuilder(pad).append("#  ");
      }
      sb.append(sb.toString().endsWith(": ") ? "" : " ").append(v);
    }
    out.add(sb.toString());
  }

  /** An id as YAML text: plain when no reader can take it for anything else. */
  static String scalarId(String id) {
    boolean plain = Character.isLetter(id.charAt(0))
        && !RESERVED.contains(id.toLowerCase(Locale.ROOT));
    return plain ? id : quote(id);
  }

  /** Free text as YAML text: plain for simple names, double-quoted otherwise. */
  static String scalarText(String text) {
    boolean plain = !text.isEmpty() && Character.isLetter(text.codePointAt(0))
        && !text.endsWith(" ") && !RESERVED.contains(text.toLowerCase(Locale.ROOT))
        && text.codePoints()
            .allMatch(c -> Character.isLetterOrDigit(c) || " .,()'-".indexOf(c) >= 0);
    return plain ? text : quote(text);
  }

  private static String quote(String text) {
    StringBuilder sb = new StringBuilder("\"");
    text.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029
              || (c >= 0x80 && c < 0xa0) || c == 0xfeff) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", c));
          } else {
            sb.appendCodePoint(c);
          }
        }
      }
    });
    return sb.append('"').toString();
  }
}
