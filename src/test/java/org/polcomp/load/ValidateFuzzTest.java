package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.model.Codebook;
import org.polcomp.model.Municipality;
import org.polcomp.validate.Validator;

/**
 * Any bytes through the YAML reader, the binder and the validator give diagnostics: never an
 * exception, a hang or running out of memory. {@code mvn test} runs the seeds in
 * {@code ValidateFuzzTestInputs/} (regression mode); {@code make fuzz} fuzzes for a while.
 */
class ValidateFuzzTest {
  private static final String FILE = "fuzz.yaml";

  /** Built once: the default codebook and the reader are immutable and thread-safe. */
  private static final Codebook CODEBOOK = new CodebookLoader(Limits.DEFAULT).defaults();

  private static final YamlReader READER = new YamlReader(Limits.DEFAULT);

  @FuzzTest(maxDuration = "60s")
  void anyBytesGiveDiagnosticsNotExceptions(byte[] input) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Municipality> municipalities = new ArrayList<>();
    PolicyBinder binder = new PolicyBinder(diagnostics::add);
    Validator validator = new Validator(CODEBOOK);
    READER.read(FILE, input, diagnostics::add, doc -> {
      if (doc.root() != null) {
        Municipality m = binder.bind(FILE, doc.index(), doc.root());
        if (m != null) {
          validator.document(m, diagnostics::add);
          municipalities.add(m);
        }
      }
    });
    validator.dataset(municipalities, diagnostics::add);
    long lines = 1;
    for (byte b : input) {
      if (b == '\n' || b == '\r') {
        lines++;
      }
    }
    for (Diagnostic d : diagnostics) {
      // Every diagnostic points into the file that was read.
      assertEquals(FILE, d.file());
      assertTrue(d.line() >= 1 && d.line() <= lines, () -> "line out of range: " + d);
      assertTrue(d.column() >= 1 && d.column() <= input.length + 1, () -> "column: " + d);
      assertNotNull(d.message());
    }
  }
}
