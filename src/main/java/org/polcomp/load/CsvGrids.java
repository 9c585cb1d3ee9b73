package org.polcomp.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.polcomp.diagnostic.Code;
import org.polcomp.diagnostic.Diagnostic;
import org.polcomp.diagnostic.SourceLocation;

/**
 * Reads a folder of CSV files named after the sheets of the data-entry workbook, as Google Sheets
 * and Excel export them ({@code Measures.csv}, or {@code Title - Measures.csv}): RFC 4180 text in
 * UTF-8, every cell text.
 */
final class CsvGrids {
  private CsvGrids() {}

  /** Whether {@code dir} holds the Municipalities sheet as a CSV file. */
  static boolean isSheetFolder(Path dir) {
    return Files.isDirectory(dir) && sheetFile(dir, SheetLayout.MUNICIPALITIES) != null;
  }

  /** The CSV file of a sheet in {@code dir}, or null. */
  static Path sheetFile(Path dir, String sheet) {
    Path plain = dir.resolve(sheet + ".csv");
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    List<Path> named = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.csv")) {
      for (Path p : ds) {
        if (p.getFileName().toString().endsWith(" - " + sheet + ".csv")) {
          named.add(p);
        }
      }
    } catch (IOException e) {
      return null;
    }
    named.sort(null);
    return named.isEmpty() ? null : named.get(0);
  }

  /**
   * The sheets found in {@code dir}, then its other CSV files as sheets named after them (so that
   * a file such as {@code funding.csv} is reported rather than passed over); sizes count against
   * the file size limit together.
   */
  static List<Grid> read(Path dir, String file, Limits limits, Consumer<Diagnostic> out) {
    List<Grid> grids = new ArrayList<>();
    List<Path> used = new ArrayList<>();
    long[] total = {0};
    for (SheetLayout.Sheet sheet : SheetLayout.SHEETS) {
      Path p = sheetFile(dir, sheet.name());
      if (p == null) {
        continue;
      }
      used.add(p);
      Grid g = grid(p, sheet.name(), total, limits, out);
      if (g == null) {
        return null;
      }
      grids.add(g);
    }
    List<Path> rest = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.csv")) {
      for (Path p : ds) {
        if (Files.isRegularFile(p) && !isOneOf(p, used)) {
          rest.add(p);
        }
      }
    } catch (IOException e) {
      // the sheets that were found are read; a folder that cannot be listed again is left at that
    }
    rest.sort(null);
    for (Path p : rest) {
      String base = p.getFileName().toString();
      base = base.substring(0, base.length() - ".csv".length());
      int dash = base.lastIndexOf(" - ");
      Grid g = grid(p, dash < 0 ? base : base.substring(dash + 3), total, limits, out);
      if (g == null) {
        return null;
      }
      grids.add(g);
    }
    used.addAll(rest);
    notRead(dir, used, out);
    return grids;
  }

  /**
   * W012 for each entry of the folder that is not read: a file not named .csv, or a .csv that is
   * a folder, pipe or device (which is never opened: a pipe could block the run). Hidden files
   * ({@code .DS_Store}) are passed over in silence.
   */
  private static void notRead(Path dir, List<Path> read, Consumer<Diagnostic> out) {
    List<Path> left = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        if (!p.getFileName().toString().startsWith(".") && !read.contains(p)) {
          left.add(p);
        }
      }
    } catch (IOException e) {
      return; // the sheets were read; a folder that cannot be listed again is left at that
    }
    left.sort(null);
    for (Path p : left) {
      String name = p.getFileName().toString();
      String shown = DatasetLoader.display(p);
      boolean csv = name.endsWith(".csv");
      String why = !csv ? "only files named .csv are read as sheets"
          : Files.isDirectory(p) ? "it is a folder, not a file"
          : "it is not a regular file (a pipe, socket or device)";
      String hint = csv ? "put the sheet's rows in a file " + name
          : name.toLowerCase(Locale.ROOT).endsWith(".csv")
              ? "rename it to end in .csv if it holds a sheet's rows"
              : "move it out of the folder if it belongs elsewhere (a YAML file is read when it is"
                  + " named itself, or with its own folder)";
      out.accept(Diagnostic.of(SourceLocation.ofFile(shown), Code.W012, "'" + Diagnostic.clip(
          name) + "' in a folder of CSV sheets is not read: " + why, hint));
    }
  }

  /** Whether {@code p} is one of {@code files}; a case-insensitive file system has two names. */
  private static boolean isOneOf(Path p, List<Path> files) throws IOException {
    for (Path f : files) {
      if (f.equals(p) || Files.isSameFile(f, p)) {
        return true;
      }
    }
    return false;
  }

  /** One CSV file as the sheet {@code name}, or null (reported). */
  private static Grid grid(Path p, String name, long[] total, Limits limits,
      Consumer<Diagnostic> out) {
    String shown = DatasetLoader.display(p);
    byte[] bytes;
    try {
      long size = Files.size(p);
      total[0] += size;
      if (total[0] > limits.maxFileBytes()) {
        out.accept(Diagnostic.of(SourceLocation.ofFile(shown), Code.E003, String.format(
            Locale.ROOT, "the sheets have more than the limit of %,d bytes",
            limits.maxFileBytes()), "split the workbook, or raise the limit with --max-file-size"));
        return null;
      }
      bytes = Files.readAllBytes(p);
    } catch (IOException e) {
      out.accept(Diagnostic.of(SourceLocation.ofFile(shown), Code.E023,
          "cannot read " + shown + ": " + DatasetLoader.describe(e), null));
      return null;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      out.accept(Diagnostic.of(SourceLocation.ofFile(shown), Code.E002,
          shown + " is not UTF-8 text", "export the sheet again as CSV in UTF-8"));
      return null;
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return new Grid(name, parse(text), List.of());
  }

  /** RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks. */
  static List<List<Grid.Cell>> parse(String text) {
    List<List<Grid.Cell>> rows = new ArrayList<>();
    List<Grid.Cell> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int r = 1;
    int c = 1;
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
        any = true;
      } else if (ch == ',') {
        add(row, r, c, cell);
        c++;
      } else if (ch == '\r' || ch == '\n') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        add(row, r, c, cell);
        if (!row.isEmpty()) {
          rows.add(row);
        }
        row = new ArrayList<>();
        r++;
        c = 1;
        any = false;
      } else {
        cell.append(ch);
        any = true;
      }
    }
    if (any || cell.length() > 0) {
      add(row, r, c, cell);
    }
    if (!row.isEmpty()) {
      rows.add(row);
    }
    return rows;
  }

  private static void add(List<Grid.Cell> row, int r, int c, StringBuilder cell) {
    if (cell.length() > 0) {
      row.add(new Grid.Cell(r, c, Grid.Type.TEXT, cell.toString(), false));
    }
    cell.setLength(0);
  }
}
