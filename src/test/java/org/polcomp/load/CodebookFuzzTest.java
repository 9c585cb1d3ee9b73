package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.model.Codebook;

/**
 * Any bytes read as a codebook file, on its own and with {@code extends: default} on top of the
 * default codebook, give a codebook or diagnostics: never an exception, a hang or running out of
 * memory. {@code mvn test} runs the seeds in {@code CodebookFuzzTestInputs/} (among them the
 * default codebook and an extending one); {@code make fuzz} fuzzes for a while.
 */
class CodebookFuzzTest {
  private static final String FILE = "fuzz-codebook.yaml";

  /** Built once: the loader and the default codebook are immutable. */
  private static final CodebookLoader LOADER = new CodebookLoader(Limits.DEFAULT);

  private static final Codebook DEFAULTS = LOADER.defaults();

  @FuzzTest(maxDuration = "60s")
  void anyBytesGiveACodebookOrDiagnostics(byte[] input) {
    check(input, LOADER.parse(FILE, input, DEFAULTS));
    // Without a base the loader reads the default itself when the file extends it.
    check(input, LOADER.parse(FILE, input, null));
  }

  private static void check(byte[] input, CodebookLoader.Result r) {
    long lines = 1;
    for (byte b : input) {
      if (b == '\n' || b == '\r') {
        lines++;
      }
    }
    for (Diagnostic d : r.diagnostics()) {
      assertEquals(FILE, d.file(), () -> "a diagnostic about another file: " + d);
      assertTrue(d.line() >= 1 && d.line() <= lines, () -> "line out of range: " + d);
      assertTrue(d.column() >= 1 && d.column() <= input.length + 1, () -> "column: " + d);
      assertNotNull(d.message());
      assertNotNull(d.hint(), () -> "a diagnostic without a hint: " + d);
    }
    // No codebook means an error says why; a codebook means no error was found.
    boolean errors = r.diagnostics().stream().anyMatch(Diagnostic::isError);
    assertEquals(r.codebook() == null, errors, () -> "codebook and errors disagree: " + r);
  }
}
