package org.polcomp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.polcomp.diagnostic.Diagnostic;

/**
 * Any bytes give the same documents, places and diagnostics through the YAML reader's fast path
 * ({@link BlockScanner}) as through snakeyaml-engine alone. {@code mvn test} runs the seeds in
 * {@code YamlDifferentialFuzzTestInputs/} (regression mode); {@code make fuzz} fuzzes for a while.
 */
class YamlDifferentialFuzzTest {
  private static final String FILE = "fuzz.yaml";

  /** Immutable and thread-safe, so built once. */
  private static final YamlReader FAST = new YamlReader(Limits.DEFAULT, true);

  private static final YamlReader SLOW = new YamlReader(Limits.DEFAULT, false);

  /** What a reader gives for one input. */
  record Result(List<YamlReader.Document> docs, List<Diagnostic> diagnostics) {}

  private static Result read(YamlReader reader, byte[] input) {
    List<YamlReader.Document> docs = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    reader.read(FILE, input, diagnostics::add, docs::add);
    return new Result(docs, diagnostics);
  }

  @FuzzTest(maxDuration = "60s")
  void fastAndSlowPathsReadTheSame(byte[] input) {
    Result slow = read(SLOW, input);
    Result fast = read(FAST, input);
    // Diagnostics first: they say the most about a difference.
    assertEquals(slow.diagnostics(), fast.diagnostics());
    assertEquals(slow.docs(), fast.docs());
  }
}
