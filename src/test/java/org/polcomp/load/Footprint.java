package org.polcomp.load;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.model.Municipality;

/**
 * Measures what one policy file costs in the heap while it is read, stage by stage: its bytes,
 * the text decoded from them, the YAML trees, and the bound model on top, each the live heap
 * after a full collection less what was live before. The figures behind {@link MemoryBudget}'s
 * factor:
 * {@code java -cp target/test-classes:target/polcomp.jar org.polcomp.load.Footprint FILE}.
 */
public final class Footprint {
  private Footprint() {}

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private static long live() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    YamlReader reader = new YamlReader(Limits.DEFAULT);
    List<Diagnostic> diagnostics = new ArrayList<>();
    long base = live();
    byte[] bytes = Files.readAllBytes(file);
    long withBytes = live();
    char[] text = YamlReader.decodeChars(file.toString(), bytes, diagnostics::add);
    long withText = live();
    List<YamlReader.Document> docs = reader.read(file.toString(), bytes, diagnostics::add);
    long withTrees = live();
    PolicyBinder binder = new PolicyBinder(diagnostics::add);
    List<Municipality> model = new ArrayList<>();
    for (YamlReader.Document d : docs) {
      if (d.root() != null) {
        model.add(binder.bind(file.toString(), d.index(), d.root()));
      }
    }
    long withModel = live();
    double n = bytes.length;
    System.out.printf(Locale.ROOT, "%s: %,d bytes, %d documents%n", file, bytes.length,
        docs.size());
    System.out.printf(Locale.ROOT, "  bytes %.1f, text %.1f, trees %.1f, model %.1f:"
            + " %.1f heap bytes per byte of YAML%n",
        (withBytes - base) / n, (withText - withBytes) / n, (withTrees - withText) / n,
        (withModel - withTrees) / n, (withModel - base) / n);
    // kept alive until here, so that each stage's figure is what it adds
    if (text == null || model.size() < 0) {
      System.out.println(diagnostics.size());
    }
  }
}
