package org.polcomp.report.xlsx;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.util.CellReference;

/**
 * The hyperlinks of a workbook, kept in temporary files until {@link Repack} writes them into the
 * package: POI would hold about 2 KB of memory per hyperlink, and a sheet may have tens of
 * thousands. Per sheet, one file holds the {@code <hyperlink>} elements and one the matching
 * relationships.
 */
final class Hyperlinks implements Closeable {
  /** Excel keeps at most this many hyperlinks per sheet. */
  static final int MAX_PER_SHEET = 65_530;
  // Excel reports longer hyperlink addresses as damaged
  private static final int MAX_URL = 2_079;
  private static final String TYPE =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

  /** The spooled links of one sheet part. */
  static final class Spool {
    final Path links;
    final Path relationships;
    private final Writer linksOut;
    private final Writer relationshipsOut;
    private int count;

    private Spool(Path links, Path relationships) throws IOException {
      this.links = links;
      this.relationships = relationships;
      this.linksOut = Files.newBufferedWriter(links, StandardCharsets.UTF_8);
      this.relationshipsOut = Files.newBufferedWriter(relationships, StandardCharsets.UTF_8);
    }
  }

  // by the sheet's part name in the package, e.g. xl/worksheets/sheet2.xml
  private final Map<String, Spool> sheets = new LinkedHashMap<>();

  /**
   * Adds a link from a cell to a web address; returns false, adding nothing, when the address is
   * not an http(s) URL Excel can hold or the sheet has {@value #MAX_PER_SHEET} links already.
   */
  // synchronized: the sheets of a workbook are written on several threads
  synchronized boolean add(String sheetPart, int row, int col, String url) throws IOException {
    String target = target(url);
    if (target == null) {
      return false;
    }
    Spool s = sheets.get(sheetPart);
    if (s == null) {
      s = new Spool(temporary("links"), temporary("rels"));
      sheets.put(sheetPart, s);
    }
    if (s.count == MAX_PER_SHEET) {
      return false;
    }
    s.count++;
    String id = "rIdLink" + s.count;
    s.linksOut.write("<hyperlink ref=\"" + new CellReference(row, col).formatAsString()
        + "\" r:id=\"" + id + "\"/>");
    s.relationshipsOut.write("<Relationship Id=\"" + id + "\" Type=\"" + TYPE + "\" Target=\""
        + attribute(target) + "\" TargetMode=\"External\"/>");
    return true;
  }

  // Deleted by close(); deleteOnExit covers an interrupted run.
  static Path temporary(String what) throws IOException {
    Path p = org.polcomp.report.Scratch.file(what, ".tmp");
    p.toFile().deleteOnExit();
    return p;
  }

  /** The links of a sheet part (zip entry name), or null when it has none. */
  synchronized Spool sheet(String entry) throws IOException {
    Spool s = sheets.get(entry);
    if (s != null) {
      s.linksOut.flush();
      s.relationshipsOut.flush();
    }
    return s;
  }

  /** The zip entry name of the relationships of a sheet part. */
  static String relationshipsEntry(String sheetEntry) {
    int slash = sheetEntry.lastIndexOf('/');
    return sheetEntry.substring(0, slash + 1) + "_rels/" + sheetEntry.substring(slash + 1)
        + ".rels";
  }

  /** Copies a spooled file to the output. */
  static void copy(Path spooled, OutputStream out) throws IOException {
    Files.copy(spooled, out);
  }

  /** Whether a text is an address that becomes a hyperlink: http or https with a host. */
  static boolean isWebLink(String url) {
    return target(url) != null;
  }

  // The address as a relationship target (non-ASCII percent-encoded), or null.
  private static String target(String url) {
    if (url.length() > MAX_URL) {
      return null;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      boolean web = scheme != null
          && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && uri.getHost() != null;
      return web ? uri.toASCIIString() : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String attribute(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  @Override
  public synchronized void close() throws IOException {
    IOException failed = null;
    for (Spool s : sheets.values()) {
      for (Closeable c : new Closeable[] {s.linksOut, s.relationshipsOut}) {
        try {
          c.close();
        } catch (IOException e) {
          failed = failed == null ? e : failed;
        }
      }
      Files.deleteIfExists(s.links);
      Files.deleteIfExists(s.relationships);
    }
    if (failed != null) {
      throw failed;
    }
  }
}
