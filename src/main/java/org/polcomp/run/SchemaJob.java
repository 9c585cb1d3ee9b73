package org.polcomp.run;

import java.io.IOException;
import java.nio.file.Path;
import org.polcomp.load.FormatSchema;

/** {@code polcomp schema}: prints the JSON Schema of the policy file format, for editors. */
public final class SchemaJob {
  /** The comment on a policy file's first line by which editors find the schema. */
  public static final String MODELINE = FormatSchema.MODELINE;

  /** Where the repository keeps a copy of the schema. */
  public static final String REPOSITORY_COPY = FormatSchema.REPOSITORY_COPY;

  private SchemaJob() {}

  /**
   * What schema is asked.
   *
   * @param output the file to write, or null for standard output
   */
  public record Options(Path output) {}

  /** Writes the schema of the default codebook's vocabularies. */
  public static Outcome run(Options o, Console console) throws IOException {
    Outputs.text(OutputTarget.plain(o.output(), "json"),
        new FormatSchema(Stages.defaultCodebook()).text(), console.out());
    return Outcome.OK;
  }
}
