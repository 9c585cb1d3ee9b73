package org.polcomp.diagnostic;

/**
 * The registry of diagnostic codes. A code is permanent: it is never renamed or reused, so that
 * CI filters, SARIF rules and users' notes keep meaning the same thing. New codes go at the end of
 * their group.
 */
public enum Code {
  // Reading files.
  E001("E001", Severity.ERROR, "yaml-syntax", "The file is not well-formed YAML."),
  E002("E002", Severity.ERROR, "not-utf8", "The file is not valid UTF-8 text."),
  E003("E003", Severity.ERROR, "file-too-large", "The file is larger than the file size limit."),
  E004("E004", Severity.ERROR, "too-deep", "Maps and lists are nested deeper than the limit."),
  E005("E005", Severity.ERROR, "string-too-long", "A string is longer than the limit."),
  E006("E006", Severity.ERROR, "alias-limit", "YAML aliases exceed the limit (alias bomb)."),
  E007("E007", Severity.ERROR, "duplicate-key", "A key appears twice in the same map."),
  E008("E008", Severity.ERROR, "wrong-type", "A value has the wrong type."),
  E009("E009", Severity.ERROR, "missing-key", "A required key is missing."),
  E010("E010", Severity.ERROR, "unknown-key", "A key is not part of the format."),
  E011("E011", Severity.ERROR, "unknown-value", "A value is not in the codebook's vocabulary."),
  E012("E012", Severity.ERROR, "invalid-id", "An id does not match the id pattern."),
  E013("E013", Severity.ERROR, "invalid-date", "A date is not YYYY, YYYY-MM or YYYY-MM-DD."),
  E014("E014", Severity.ERROR, "end-before-start", "A period ends before it starts."),
  E015("E015", Severity.ERROR, "duplicate-municipality", "Two documents share a municipality id."),
  E016("E016", Severity.ERROR, "duplicate-measure", "Two measures of a municipality share an id."),
  E017("E017", Severity.ERROR, "unknown-successor", "A successor names no measure."),
  E018("E018", Severity.ERROR, "negative-number", "A number that must be >= 0 is negative."),
  E019("E019", Severity.ERROR, "bad-url", "A URL is not an http(s) URL."),
  E020("E020", Severity.ERROR, "bad-format", "The format version is not polcomp/1."),
  E021("E021", Severity.ERROR, "non-finite", "A number is infinite or not a number."),
  E022("E022", Severity.ERROR, "bad-country", "A country is not an ISO 3166-1 alpha-2 code."),
  E023("E023", Severity.ERROR, "io", "A file or directory cannot be read."),
  E024("E024", Severity.ERROR, "blank", "A required value is blank or empty."),
  E025("E025", Severity.ERROR, "bad-codebook", "The codebook is inconsistent."),
  E026("E026", Severity.ERROR, "control-character", "A text value holds a control character."),
  E030("E030", Severity.ERROR, "bad-lineage", "A lineage file is inconsistent."),
  E027("E027", Severity.ERROR, "duplicate-coder", "Two codings of a measure name the same coder."),
  E028("E028", Severity.ERROR, "bad-sheet", "A data-entry workbook lacks a sheet or key column,"
      + " has a sheet twice, or has an unknown column or a value under no header."),
  E029("E029", Severity.ERROR, "unknown-measure-ref",
      "A row of a data-entry workbook names a measure that does not exist."),
  E031("E031", Severity.ERROR, "bad-workbook",
      "A file named .xlsx is not a workbook that can be opened, or a cell of it is damaged."),
  // Warnings.
  W001("W001", Severity.WARNING, "empty-document", "A document holds no data."),
  W002("W002", Severity.WARNING, "no-policies", "A municipality lists no measures."),
  W003("W003", Severity.WARNING, "no-sources", "A measure cites no sources."),
  W004("W004", Severity.WARNING, "duration-unclassified", "A measure's duration is unclassified."),
  W005("W005", Severity.WARNING, "coding-disagrees", "A human coding disagrees with the rules."),
  W006("W006", Severity.WARNING, "ended-without-end", "A measure ended but has no end date."),
  W007("W007", Severity.WARNING, "no-files", "A path holds no policy files."),
  W008("W008", Severity.WARNING, "targeting-unclassified", "A measure's targeting is unclassified."),
  W009("W009", Severity.WARNING, "retired-code",
      "A municipality code was no longer valid on the file's as_of date (a merger)."),
  W010("W010", Severity.WARNING, "codebook-near-miss",
      "A codebook entry adds an id within edit distance 2 of an existing one."),
  W011("W011", Severity.WARNING, "formula-cell",
      "A cell of a data-entry workbook holds a formula; its cached value was read."),
  W012("W012", Severity.WARNING, "sheet-not-read",
      "A data-entry workbook lacks an optional sheet, or has a sheet that is not read.");

  private final String id;
  private final Severity severity;
  private final String name;
  private final String summary;

  Code(String id, Severity severity, String name, String summary) {
    this.id = id;
    this.severity = severity;
    this.name = name;
    this.summary = summary;
  }

  /** The stable code, for example {@code E012}. */
  public String id() {
    return id;
  }

  /** The severity a diagnostic with this code has. */
  public Severity severity() {
    return severity;
  }

  /** A short kebab-case name, used as the SARIF rule name. */
  public String ruleName() {
    return name;
  }

  /** One sentence on what the code means (README table, SARIF rule description). */
  public String summary() {
    return summary;
  }
}
