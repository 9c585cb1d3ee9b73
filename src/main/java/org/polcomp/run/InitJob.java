package org.polcomp.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.load.DatasetLoader;
import org.polcomp.load.Limits;
import org.polcomp.load.PolicySkeleton;
import org.polcomp.model.Vocabulary;
import org.polcomp.report.AtomicFile;

/** {@code polcomp init}: writes a new municipality file to start from. */
public final class InitJob {
  private InitJob() {}

  /**
   * What init is asked.
   *
   * @param id the municipality's id
   * @param name the municipality's name
   * @param output the file to write, or null for standard output
   * @param force replace the file when it exists
   */
  public record Options(String id, String name, Path output, boolean force) {}

  /** Writes the skeleton; a usage problem for an invalid id or a file that exists. */
  public static Outcome run(Options o, Console console) throws IOException {
    if (!Vocabulary.ID.matcher(o.id()).matches()) {
      throw new UsageProblem("invalid municipality id '" + Diagnostic.clip(o.id()) + "'",
          "use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    if (o.name().isBlank()) {
      throw new UsageProblem("the municipality's name is blank", "give its name, e.g. Utrecht");
    }
    // the file written would fail validation (E005): refuse it here, where it can be retyped
    int max = Limits.DEFAULT.maxStringLength();
    if (o.name().length() > max) {
      throw new UsageProblem(String.format(java.util.Locale.ROOT,
          "the municipality's name has %,d characters, more than the limit of %,d",
          o.name().length(), max), "give the municipality's name itself, e.g. Utrecht");
    }
    // the file written would fail validation (E026): refuse it here, where it can be retyped
    for (int i = 0; i < o.name().length(); i++) {
      char c = o.name().charAt(i);
      if (Character.isISOControl(c) && c != '\t') {
        throw new UsageProblem(String.format(java.util.Locale.ROOT,
            "the municipality's name holds the control character U+%04X", (int) c),
            "type the name without it");
      }
    }
    Path output = OutputTarget.plain(o.output(), "yaml");
    String text = withSchemaLine(new PolicySkeleton(Stages.defaultCodebook()).text(o.id(),
        o.name()), output == null ? Path.of("") : output.toAbsolutePath().getParent());
    if (output == null) {
      console.out().print(text);
      console.out().flush();
      return Outcome.OK;
    }
    // NOFOLLOW_LINKS: a link, even a dangling one, is something there that we would replace.
    if (Files.isDirectory(output)) {
      throw new UsageProblem(DatasetLoader.display(output) + " is a directory",
          "name the file to write, e.g. " + DatasetLoader.display(output.resolve(o.id() + ".yaml")));
    }
    if (Files.exists(output, LinkOption.NOFOLLOW_LINKS) && !o.force()) {
      throw new UsageProblem(DatasetLoader.display(output) + " exists; not overwritten",
          "add --force to replace it, or choose another file");
    }
    AtomicFile.write(output, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    return Outcome.OK;
  }

  /** The schema's file name, in a dataset's {@code schema/} folder. */
  static final String SCHEMA_FILE = "polcomp-1.schema.json";

  /**
   * The skeleton with a first line that points at the dataset's schema relative to the folder
   * the file is written to: the nearest {@code schema/polcomp-1.schema.json} or {@code
   * policies/schema/polcomp-1.schema.json} in that folder or one above it. Where there is none,
   * the line names the schema beside the file, and the next line says how to write it there.
   */
  static String withSchemaLine(String skeleton, Path folder) {
    String rest = skeleton.substring(skeleton.indexOf('\n') + 1);
    Path from = folder.toAbsolutePath().normalize();
    for (Path d = from; d != null; d = d.getParent()) {
      for (Path candidate : List.of(d.resolve("schema").resolve(SCHEMA_FILE),
          d.resolve("policies").resolve("schema").resolve(SCHEMA_FILE))) {
        if (Files.isRegularFile(candidate)) {
          String relative = from.relativize(candidate).toString().replace('\\', '/');
          return "# yaml-language-server: $schema=" + relative + "\n" + rest;
        }
      }
    }
    return "# yaml-language-server: $schema=" + SCHEMA_FILE + "\n"
        + "# (no schema found near this file: write it beside the file with 'polcomp schema -o "
        + SCHEMA_FILE + "')\n" + rest;
  }
}
