package org.polcomp.docs;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.polcomp.cli.Main;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the man pages and the shell completion script of {@code polcomp} from its picocli model,
 * at build time ({@code mvn package}, see pom.xml): {@code man1/polcomp.1} and one
 * {@code man1/polcomp-COMMAND.1} per subcommand, and {@code completion/polcomp} for bash and zsh.
 * It lives with the tests so that picocli-codegen stays out of the runtime jar.
 *
 * <p>picocli's ManPageGenerator writes AsciiDoc; turning that into roff would need Asciidoctor (a
 * Ruby runtime), so the small subset it writes (sections, paragraphs, {@code *bold*},
 * {@code _italic_}, {@code term::} definition lists, comments and attributes) is converted here.
 */
public final class ManPages {
  private static final Pattern XREF = Pattern.compile("xref:[^\\[]*\\[([^\\]]*)\\]");
  private static final Pattern BOLD = Pattern.compile("\\*([^*\\s][^*]*)\\*");
  private static final Pattern ITALIC = Pattern.compile("(?<![\\w])_([^_\\s][^_]*)_(?![\\w])");

  private ManPages() {}

  /** Arguments: the output folder and the version to print in the pages' header. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ManPages OUTPUT_DIR VERSION");
    }
    write(Path.of(args[0]), args[1]);
  }

  /** Writes {@code man1/} and {@code completion/} under {@code dir}. */
  public static void write(Path dir, String version) throws IOException {
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    CommandLine top = Main.commandLine(new Main(none, none));
    Path man = Files.createDirectories(dir.resolve("man1"));
    page(man, top, version);
    Path completion = Files.createDirectories(dir.resolve("completion"));
    Files.writeString(completion.resolve("polcomp"), AutoComplete.bash("polcomp", top),
        StandardCharsets.UTF_8);
  }

  private static void page(Path man, CommandLine cl, String version) throws IOException {
    StringWriter adoc = new StringWriter();
    try (PrintWriter pw = new PrintWriter(adoc)) {
      ManPageGenerator.writeSingleManPage(pw, cl.getCommandSpec());
    }
    String name = cl.getCommandSpec().qualifiedName("-");
    Files.writeString(man.resolve(name + ".1"), roff(adoc.toString(), name, version),
        StandardCharsets.UTF_8);
    for (CommandLine sub : cl.getSubcommands().values()) {
      // aliases map to the same command: one page each
      if (sub.getCommandName().equals(sub.getCommandSpec().name())) {
        page(man, sub, version);
      }
    }
  }

  /** The roff of one ManPageGenerator page. */
  static String roff(String adoc, String name, String version) {
    StringBuilder out = new StringBuilder();
    // No date: the same build gives the same bytes.
    out.append(".TH \"").append(name.toUpperCase(Locale.ROOT)).append("\" \"1\" \"\" \"polcomp ")
        .append(version).append("\" \"polcomp manual\"\n");
    boolean synopsis = false;
    boolean term = false;
    for (String raw : adoc.split("\n", -1)) {
      String line = raw.stripTrailing();
      if (line.startsWith("//") || line.startsWith(":") || line.startsWith("= ")) {
        continue;
      }
      if (line.startsWith("==")) {
        String title = line.replaceFirst("^=+\\s*", "").replaceFirst(":$", "");
        out.append(".SH \"").append(title.toUpperCase(Locale.ROOT)).append("\"\n");
        synopsis = title.equalsIgnoreCase("Synopsis");
        if (synopsis) {
          out.append(".nf\n");
        }
        term = false;
        continue;
      }
      if (line.isEmpty()) {
        if (synopsis && out.toString().endsWith("\n") && !out.toString().endsWith(".nf\n")) {
          out.append(".fi\n");
          synopsis = false;
        }
        continue;
      }
      if (synopsis) {
        out.append(inline(line.strip())).append('\n');
      } else if (line.endsWith("::")) {
        out.append(".TP\n").append(inline(line.substring(0, line.length() - 2))).append('\n');
        term = true;
      } else if (term && raw.startsWith("  ")) {
        out.append(inline(line.strip())).append('\n');
      } else {
        out.append(".PP\n").append(inline(line.strip())).append('\n');
        term = false;
      }
    }
    if (synopsis) {
      out.append(".fi\n");
    }
    return out.toString();
  }

  /** Escapes a line for roff and turns AsciiDoc's bold and italic into font changes. */
  private static String inline(String s) {
    String t = XREF.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    t = t.replace("\\", "\\e").replace("-", "\\-");
    t = BOLD.matcher(t).replaceAll(m -> Matcher.quoteReplacement("\\fB" + m.group(1) + "\\fR"));
    t = ITALIC.matcher(t).replaceAll(m -> Matcher.quoteReplacement("\\fI" + m.group(1) + "\\fR"));
    // a line that starts with . or ' would be read as a request
    return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
  }
}
