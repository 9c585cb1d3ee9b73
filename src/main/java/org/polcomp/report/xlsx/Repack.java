package org.polcomp.report.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.polcomp.report.Unclosed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies the package POI wrote into the final file: entries in POI's order, each with one fixed
 * time (so the same workbook gives the same bytes in every time zone), the spooled
 * {@link Hyperlinks} written into their sheets and relationship parts as a streaming copy, and
 * the named style {@code Normal} that POI leaves out.
 */
final class Repack {
  private Repack() {}

  // The DOS time of every entry: local time by definition, so the same in every zone. Not
  // 1980-01-01 00:00, which java.util.zip takes for "before 1980" and stamps with a zoned time.
  private static final LocalDateTime TIME = LocalDateTime.of(1980, 2, 1, 0, 0);
  private static final String STYLES = "xl/styles.xml";
  // entries larger than this (uncompressed) are compressed at the fastest level
  static final long FAST_ABOVE = 16L << 20;
  private static final String NORMAL_STYLE =
      "<cellStyles count=\"1\">"
          + "<cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>";
  private static final byte[] SHEET_DATA_END = "</sheetData>".getBytes(StandardCharsets.US_ASCII);
  // The worksheet children that come after <hyperlinks> (ECMA-376 CT_Worksheet).
  private static final Set<String> AFTER_HYPERLINKS = Set.of("printOptions", "pageMargins",
      "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches",
      "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture",
      "oleObjects", "controls", "webPublishItems", "tableParts", "extLst");

  static void copy(Path pkg, OutputStream out, Hyperlinks links) throws IOException {
    try (ZipFile zip = new ZipFile(pkg.toFile());
        ZipOutputStream z = new ZipOutputStream(new Unclosed(out))) {
      Set<String> linked = new HashSet<>();
      for (ZipEntry e : Collections.list(zip.entries())) {
        // A large sheet (a long measures table) is compressed for speed: level 1 takes a third
        // of the time of the default for a file about a third larger.
        z.setLevel(e.getSize() > FAST_ABOVE ? Deflater.BEST_SPEED : Deflater.DEFAULT_COMPRESSION);
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTimeLocal(TIME);
        z.putNextEntry(copy);
        try (InputStream in = zip.getInputStream(e)) {
          Hyperlinks.Spool sheet = links.sheet(e.getName());
          Hyperlinks.Spool rels = relationshipsOf(links, zip, e.getName());
          if (e.getName().equals(STYLES)) {
            styles(in, z);
          } else if (sheet != null) {
            sheet(in, z, sheet, e.getName());
          } else if (rels != null) {
            relationships(in, z, rels, e.getName());
            linked.add(e.getName());
          } else {
            in.transferTo(z);
          }
        }
        z.closeEntry();
      }
      // every sheet of a report has a relationship part (its Excel table) to add links to
      if (linked.size() != links.sheetCount()) {
        throw new IllegalStateException("a sheet with hyperlinks has no relationship part");
      }
    }
  }

  // The spool whose relationships go into this entry, if it is a sheet's relationship part.
  private static Hyperlinks.Spool relationshipsOf(Hyperlinks links, ZipFile zip, String entry)
      throws IOException {
    if (!entry.endsWith(".xml.rels") || !entry.contains("/_rels/")) {
      return null;
    }
    String sheet = entry.replace("/_rels/", "/").replaceFirst("\\.rels$", "");
    return Hyperlinks.relationshipsEntry(sheet).equals(entry) && zip.getEntry(sheet) != null
        ? links.sheet(sheet) : null;
  }

  // Streams the sheet up to </sheetData>, then puts <hyperlinks> where the schema wants it.
  private static void sheet(InputStream in, OutputStream out, Hyperlinks.Spool links,
      String name) throws IOException {
    byte[] buffer = new byte[1 << 16];
    int matched = 0;
    byte[] rest = null;
    for (int n = in.read(buffer); n > 0 && rest == null; n = in.read(buffer)) {
      for (int i = 0; i < n; i++) {
        byte c = buffer[i];
        // '<' occurs once in the marker: on a mismatch the match restarts at 0 or 1
        matched = c == SHEET_DATA_END[matched] ? matched + 1 : c == SHEET_DATA_END[0] ? 1 : 0;
        if (matched == SHEET_DATA_END.length) {
          out.write(buffer, 0, i + 1);
          rest = new byte[n - i - 1];
          System.arraycopy(buffer, i + 1, rest, 0, rest.length);
          break;
        }
      }
      if (rest == null) {
        out.write(buffer, 0, n);
      }
    }
    if (rest == null) {
      throw new IllegalStateException("no </sheetData> in " + name);
    }
    // what follows the cells is a few small elements
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    tail.write(rest);
    in.transferTo(tail);
    String xml = tail.toString(StandardCharsets.UTF_8);
    int at = insertionPoint(xml, name);
    out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
    out.write("<hyperlinks>".getBytes(StandardCharsets.US_ASCII));
    Hyperlinks.copy(links.links, out);
    out.write("</hyperlinks>".getBytes(StandardCharsets.US_ASCII));
    out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
  }

  /** Where {@code <hyperlinks>} goes in the XML after {@code </sheetData>}. */
  static int insertionPoint(String xml, String name) {
    int depth = 0;
    int i = 0;
    while (true) {
      i = xml.indexOf('<', i);
      if (i < 0) {
        throw new IllegalStateException("no end of the worksheet in " + name);
      }
      int end = tagEnd(xml, i);
      char next = xml.charAt(i + 1);
      if (next == '/') {
        if (depth == 0) {
          return i; // </worksheet>
        }
        depth--;
      } else if (next != '?' && next != '!') {
        int nameEnd = i + 1;
        while (nameEnd < end && " \t\r\n/>".indexOf(xml.charAt(nameEnd)) < 0) {
          nameEnd++;
        }
        String tag = xml.substring(i + 1, nameEnd);
        if (depth == 0 && AFTER_HYPERLINKS.contains(tag.substring(tag.indexOf(':') + 1))) {
          return i;
        }
        if (xml.charAt(end - 1) != '/') {
          depth++;
        }
      }
      i = end + 1;
    }
  }

  // The index of the '>' that ends the tag starting at i, skipping quoted attribute values.
  private static int tagEnd(String xml, int i) {
    char quote = 0;
    for (int j = i + 1; j < xml.length(); j++) {
      char c = xml.charAt(j);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return j;
      }
    }
    throw new IllegalStateException("unterminated tag");
  }

  // POI writes no named cell style; Excel always has "Normal", and openpyxl (so pandas) warns
  // about every workbook without it. The lite schema jar cannot add it, so it goes in as text.
  private static void styles(InputStream in, OutputStream out) throws IOException {
    String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    int at = xml.indexOf("</cellXfs>");
    if (at >= 0 && !xml.contains("<cellStyles")) {
      at += "</cellXfs>".length();
      xml = xml.substring(0, at) + NORMAL_STYLE + xml.substring(at);
    }
    out.write(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static void relationships(InputStream in, OutputStream out, Hyperlinks.Spool links,
      String name) throws IOException {
    String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    int at = xml.lastIndexOf("</Relationships>");
    if (at < 0) {
      throw new IllegalStateException("no </Relationships> in " + name);
    }
    out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
    Hyperlinks.copy(links.relationships, out);
    out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
  }

}
