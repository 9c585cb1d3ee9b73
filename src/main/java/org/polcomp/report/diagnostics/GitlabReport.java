package org.polcomp.report.diagnostics;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.Severity;

/**
 * A GitLab Code Quality report: a JSON array of issues with {@code description}, {@code
 * check_name}, {@code fingerprint}, {@code severity} ({@code major} for errors, {@code minor} for
 * warnings) and {@code location.path} / {@code location.lines.begin}.
 */
final class GitlabReport implements DiagnosticFormat.DiagnosticWriter {
  @Override
  public void write(List<Diagnostic> diagnostics, RunSummary s, Writer out) throws IOException {
    List<String> fingerprints = fingerprints(diagnostics);
    JsonOutput.write(out, g -> {
      g.writeStartArray();
      for (int i = 0; i < diagnostics.size(); i++) {
        Diagnostic d = diagnostics.get(i);
        g.writeStartObject();
        g.writeStringProperty("description", d.code().id() + ": " + d.message());
        g.writeStringProperty("check_name", d.code().id());
        g.writeStringProperty("fingerprint", fingerprints.get(i));
        g.writeStringProperty("severity", d.severity() == Severity.ERROR ? "major" : "minor");
        g.writeObjectPropertyStart("location");
        g.writeStringProperty("path", d.file());
        g.writeObjectPropertyStart("lines");
        // GitLab needs a line; a diagnostic about the whole file (line 0) points at the first.
        g.writeNumberProperty("begin", Math.max(1, d.line()));
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  /**
   * One fingerprint per diagnostic: the SHA-256 of its file, code and message, without the line
   * and column. The message names the place in the document (the key, the measure) and the
   * value, so the fingerprint stays when lines are added above a finding, and GitLab's
   * merge-request widget does not show every finding as fixed and new; line references inside
   * the message ("first at line 12") are blanked for the same reason. GitLab merges issues that
   * share a fingerprint, so a repeat gets its occurrence number hashed in too; the list is
   * sorted, so that number is stable.
   */
  static List<String> fingerprints(List<Diagnostic> diagnostics) {
    Set<String> seen = new HashSet<>();
    List<String> result = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      String key = d.file() + '\0' + d.code().id() + '\0' + withoutPositions(d.message());
      String fp = sha256(key);
      for (int n = 2; !seen.add(fp); n++) {
        fp = sha256(key + '\0' + n);
      }
      result.add(fp);
    }
    return result;
  }

  private static final Pattern POSITION =
      Pattern.compile("(line|column) \\d+|:\\d+:\\d+");

  /** The message with line and column numbers blanked. */
  static String withoutPositions(String message) {
    return POSITION.matcher(message).replaceAll("$1 #");
  }

  private static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
