package org.polcomp.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where {@code -o} points and in which format, settled before any work starts (the command
 * line's "Output targets"): {@code -o -} is standard output; without {@code --format} the format
 * follows OUT's extension, and a folder (existing, or a name ending in {@code /}) means the folder
 * format; an extension the command cannot write, a {@code --format} that disagrees with it, an
 * empty OUT, and a folder format on standard output are usage errors.
 *
 * @param path the file or folder to write, or null for standard output
 * @param format the format, one of the command's
 */
public record OutputTarget(Path path, String format) {
  public OutputTarget {
    Objects.requireNonNull(format, "format");
  }

  /** True when the output goes to standard output. */
  public boolean stdout() {
    return path == null;
  }

  /**
   * Refuses a workbook on standard output when that is a terminal, unless {@code force}: the
   * bytes of a zip would scramble it (compare, sensitivity and diff write workbooks).
   */
  void refuseWorkbookOnTerminal(Console console, boolean force) {
    if (stdout() && format.equals("xlsx") && console.terminal().stdoutIsTerminal() && !force) {
      throw new UsageProblem("will not write a workbook to the terminal",
          "redirect standard output to a file, name one with -o, or add --force");
    }
  }

  // What each extension means, for every command: an extension is one format everywhere, so that
  // a name says the same to every command (a command that cannot write it refuses it).
  private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("json", "json"), Map.entry("csv", "csv"), Map.entry("xlsx", "xlsx"),
      Map.entry("html", "html"), Map.entry("htm", "html"), Map.entry("md", "markdown"),
      Map.entry("yaml", "yaml"), Map.entry("yml", "yaml"), Map.entry("sarif", "sarif"),
      Map.entry("xml", "junit"), Map.entry("txt", "text"), Map.entry("xls", "xls"),
      Map.entry("ods", "ods"), Map.entry("tsv", "tsv"));

  /**
   * The formats a command writes.
   *
   * @param formats every format, as {@code --format} names them
   * @param fallback the format when neither {@code --format} nor OUT's name says one (for a name
   *     without extension); null when such a name is a folder of the folder format
   * @param folder the format that is a folder of files (compare's csv), or null
   * @param text the format that {@code .txt} means for this command (text, table), or null
   * @param otherFolders further folder formats, chosen only by {@code --format} (compare's
   *     datapackage)
   */
  public record Formats(List<String> formats, String fallback, String folder, String text,
      List<String> otherFolders) {
    public Formats {
      formats = List.copyOf(formats);
      otherFolders = List.copyOf(otherFolders);
    }

    /** The formats of a command with at most one folder format. */
    public Formats(List<String> formats, String fallback, String folder, String text) {
      this(formats, fallback, folder, text, List.of());
    }

    /** Whether a format is a folder of files. */
    boolean isFolder(String format) {
      return format.equals(folder) || otherFolders.contains(format);
    }

    String ofExtension(String ext) {
      String f = BY_EXTENSION.get(ext);
      if ("text".equals(f) && text != null) {
        return text;
      }
      return f;
    }

    private String list() {
      return String.join(", ", formats);
    }
  }

  /**
   * OUT as the command line gave it: {@code path} is {@code raw} as a path, which has lost the
   * trailing / of {@code out/new/}; such a name keeps it as a last element {@code .}
   * ({@code out/new/.}), so that OUT still says it names a folder ({@link #namesFolder}).
   */
  public static Path given(String raw, Path path) {
    boolean slash = raw.endsWith("/") || raw.endsWith(java.io.File.separator);
    return slash && path.getFileName() != null ? path.resolve(".") : path;
  }

  /** Whether OUT ends in {@code /.}: a name given ending in / ({@link #given}), a folder. */
  static boolean namesFolder(Path output) {
    return output != null && output.getParent() != null && output.getFileName() != null
        && output.getFileName().toString().equals(".");
  }

  /**
   * Refuses OUT of a command that writes one file when its name ends in / (a folder): the
   * command would write a file of that name.
   */
  static void refuseFolderName(Path output) {
    if (namesFolder(output)) {
      throw new UsageProblem("'" + output.getParent() + "/' is a folder, and this command writes"
          + " one file", "name the file to write, without a / at the end");
    }
  }

  /**
   * Settles OUT and the format. {@code output} is null when {@code -o} was not given (standard
   * output, the {@code fallback} format); {@code format} is the {@code --format} value or null.
   */
  public static OutputTarget resolve(Path output, String format, Formats f) {
    String asked = format == null ? null : format.toLowerCase(Locale.ROOT);
    if (asked != null && !f.formats().contains(asked)) {
      throw new UsageProblem("unknown --format '" + format + "'", "use " + f.list());
    }
    if (output == null) {
      return new OutputTarget(null, asked != null ? asked : f.fallback());
    }
    String raw = output.toString();
    if (raw.isEmpty()) {
      throw new UsageProblem("-o names no file (an empty string)",
          "name the file to write, or - for standard output");
    }
    if (raw.equals("-")) {
      // no name to follow: the command's default, which for compare is the folder of CSV files
      String fmt = asked != null ? asked : f.fallback() != null ? f.fallback() : f.folder();
      if (f.isFolder(fmt)) {
        throw new UsageProblem(fmt + " is a folder of files and cannot go to standard output",
            "name a folder with -o DIR, or choose a one-file format with --format");
      }
      return new OutputTarget(null, fmt);
    }
    // a name ending in / names a folder whatever its extension says (out/x.json/)
    boolean slash = namesFolder(output);
    if (slash) {
      output = output.getParent();
      raw = output + "/";
    }
    String ext = extension(output);
    String byName = ext == null ? null : f.ofExtension(ext);
    // A name that says a format is that format even where a folder stands (writing it then fails
    // as an I/O error); otherwise an existing folder, or a name ending in /, is a folder output.
    boolean folder = slash || (byName == null && Files.isDirectory(output));
    if (asked != null) {
      if (folder && !f.isFolder(asked)) {
        throw new UsageProblem("'" + raw + "' is a folder, and --format " + asked
            + " writes one file", "name a file, for example out/report." + extensionOf(asked));
      }
      if (ext != null && BY_EXTENSION.containsKey(ext) && !folder && !asked.equals(byName)) {
        throw new UsageProblem("--format " + asked + " disagrees with the name '" + raw + "'",
            "name the file ." + extensionOf(asked) + ", or leave out --format");
      }
      if (f.isFolder(asked)) {
        refuseWorkingFolder(output, raw);
      }
      return new OutputTarget(output, asked);
    }
    if (folder) {
      if (f.folder() == null) {
        throw new UsageProblem("'" + raw + "' is a folder", "name a file to write");
      }
      refuseWorkingFolder(output, raw);
      return new OutputTarget(output, f.folder());
    }
    if (byName == null) {
      // no extension, or one that names no format (report.log): the command's own default
      if (ext == null && f.folder() != null) {
        return new OutputTarget(output, f.folder()); // a new folder of CSV files
      }
      if (f.fallback() != null) {
        return new OutputTarget(output, f.fallback());
      }
      throw new UsageProblem("cannot tell the format of '" + raw + "'", hint(f));
    }
    if (!f.formats().contains(byName) || f.isFolder(byName)) {
      throw new UsageProblem("this command cannot write '" + raw + "' (." + ext + ")", hint(f));
    }
    return new OutputTarget(output, byName);
  }

  /**
   * Refuses a folder output that is the working folder or holds it ({@code -o .}, {@code -o ..}):
   * a folder output takes its target's place by renaming, which the working folder cannot do
   * ({@code .} cannot be renamed), and replacing the folder a shell stands in would leave the
   * shell in a deleted one.
   */
  private static void refuseWorkingFolder(Path output, String raw) {
    Path abs = output.toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath().normalize();
    if (!here.startsWith(abs)) {
      // by the folders themselves, for a name that reaches them through a link
      try {
        abs = output.toRealPath();
        here = here.toRealPath();
      } catch (IOException e) {
        return; // no such folder yet (a new one is never the working folder) or none to read
      }
    }
    if (here.startsWith(abs)) {
      throw new UsageProblem("'" + raw + "' is the current folder" + (here.equals(abs) ? ""
          : " or holds it") + ", which a folder output cannot replace as a whole",
          "name a new folder, for example -o out/");
    }
  }

  private static String hint(Formats f) {
    StringBuilder names = new StringBuilder();
    for (String fmt : f.formats()) {
      if (f.isFolder(fmt)) {
        continue;
      }
      names.append(names.length() == 0 ? "" : ", ").append('.').append(extensionOf(fmt));
    }
    return "name a " + names + " file" + (f.folder() != null ? ", or a folder for " + f.folder()
        + " files" : "") + ", or say --format (" + f.list() + ")";
  }

  /** The usual extension of a format. */
  static String extensionOf(String format) {
    return switch (format) {
      case "markdown" -> "md";
      case "junit" -> "xml";
      case "text", "table" -> "txt";
      default -> format;
    };
  }

  /** The lower-case extension of a file name, or null when it has none. */
  static String extension(Path p) {
    Path name = p.getFileName();
    if (name == null) {
      return null;
    }
    String s = name.toString();
    int dot = s.lastIndexOf('.');
    return dot <= 0 || dot == s.length() - 1 ? null : s.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * OUT of a command that writes one text format (codebook, schema, init: yaml or json): null
   * for standard output ({@code -o -} or no {@code -o}), else the path. An empty OUT is a usage
   * error, and so is an extension that names another format ({@code -o codebook.json} of YAML);
   * a name without an extension, or with one that names no format, is the command's format.
   */
  public static Path plain(Path output, String format) {
    if (output == null || output.toString().equals("-")) {
      return null;
    }
    if (output.toString().isEmpty()) {
      throw new UsageProblem("-o names no file (an empty string)",
          "name the file to write, or - for standard output");
    }
    refuseFolderName(output);
    String ext = extension(output);
    String byName = ext == null ? null : BY_EXTENSION.get(ext);
    if (byName != null && !byName.equals(format)) {
      throw new UsageProblem("this command writes " + format.toUpperCase(Locale.ROOT)
          + " and cannot write '" + output + "' (." + ext + ")", "name a ." + extensionOf(format)
          + " file, or - for standard output");
    }
    return output;
  }
}
