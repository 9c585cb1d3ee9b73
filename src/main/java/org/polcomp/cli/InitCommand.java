package org.polcomp.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polcomp.load.DatasetLoader;
import org.polcomp.load.PolicySkeleton;
import org.polcomp.model.Vocabulary;
import org.polcomp.report.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code polcomp init}: writes a new municipality file to start from. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Write a new policy file for one municipality: the schema comment for editors "
        + "and one example measure with every common key explained.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "2:usage error (an invalid ID, or FILE exists and no --force)",
        "3:input/output failure or internal error"})
final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID",
      description = "The municipality's id, e.g. GM0344 (letters, digits, '.', '_', '-').")
  String id;

  @Parameters(index = "1", paramLabel = "NAME", description = "The municipality's name.")
  String name;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the file to FILE instead of standard output.")
  Path output;

  @Option(names = "--force", description = "Overwrite FILE when it exists.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    if (!Vocabulary.ID.matcher(id).matches()) {
      throw new UsageException("invalid municipality id '" + id + "'",
          "use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    if (name.isBlank()) {
      throw new UsageException("the municipality's name is blank", "give its name, e.g. Utrecht");
    }
    String text = new PolicySkeleton(SchemaCommand.codebook()).text(id, name);
    if (output == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
      return ExitCode.OK;
    }
    // NOFOLLOW_LINKS: a link, even a dangling one, is something there that we would replace.
    if (Files.isDirectory(output)) {
      throw new UsageException(DatasetLoader.display(output) + " is a directory",
          "name the file to write, e.g. " + DatasetLoader.display(output.resolve(id + ".yaml")));
    }
    if (Files.exists(output, LinkOption.NOFOLLOW_LINKS) && !force) {
      throw new UsageException(DatasetLoader.display(output) + " exists; not overwritten",
          "add --force to replace it, or choose another file");
    }
    AtomicFile.write(output, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    return ExitCode.OK;
  }
}
