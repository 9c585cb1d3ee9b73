package org.polcomp.report.xlsx;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.polcomp.report.Unclosed;

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
    try (ZipFile zip = new ZipFile(pkg.toFile())) {
      List<ZipEntry> entries = new ArrayList<>(Collections.list(zip.entries()));
      // What each entry becomes is decided here; the entries are then rewritten and compressed
      // in parallel (a large workbook is mostly two or three big sheets), and written in order.
      List<Callable<Compressed>> tasks = new ArrayList<>();
      int linked = 0;
      for (ZipEntry e : entries) {
        Hyperlinks.Spool sheet = links.sheet(e.getName());
        Hyperlinks.Spool rels = relationshipsOf(links, zip, e.getName());
        linked += rels == null ? 0 : 1;
        int level = e.getSize() > FAST_ABOVE ? Deflater.BEST_SPEED : Deflater.DEFAULT_COMPRESSION;
        tasks.add(() -> Compressed.of(level, z -> {
          try (InputStream in = zip.getInputStream(e)) {
            if (e.getName().equals(STYLES)) {
              styles(in, z);
            } else if (sheet != null) {
              sheet(in, z, sheet, e.getName());
            } else if (rels != null) {
              relationships(in, z, rels, e.getName());
            } else {
              in.transferTo(z);
            }
          }
        }));
      }
      // every sheet of a report has a relationship part (its Excel table) to add links to
      if (linked != links.sheetCount()) {
        throw new IllegalStateException("a sheet with hyperlinks has no relationship part");
      }
      write(entries, tasks, out);
    }
  }

  private static void write(List<ZipEntry> entries, List<Callable<Compressed>> tasks,
      OutputStream out) throws IOException {
    int threads = Math.max(1, Math.min(entries.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "polcomp-zip");
      t.setDaemon(true);
      return t;
    });
    List<Future<Compressed>> done = new ArrayList<>();
    try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(new Unclosed(out))) {
      z.setUseZip64(Zip64Mode.AsNeeded);
      for (Callable<Compressed> task : tasks) {
        done.add(pool.submit(task));
      }
      for (int i = 0; i < entries.size(); i++) {
        try (Compressed c = get(done.get(i))) {
          ZipArchiveEntry copy = new ZipArchiveEntry(entries.get(i).getName());
          copy.setTimeLocal(TIME);
          copy.setMethod(ZipEntry.DEFLATED);
          copy.setCrc(c.crc);
          copy.setSize(c.size);
          copy.setCompressedSize(c.compressedSize);
          z.addRawArchiveEntry(copy, c.open());
        }
      }
    } finally {
      pool.shutdownNow();
      // a failed run still releases what the other entries spilled
      for (Future<Compressed> f : done) {
        if (f.isDone() && !f.isCancelled()) {
          try {
            f.get().close();
          } catch (ExecutionException | InterruptedException | IOException | RuntimeException e) {
            // already reported, or already closed
          }
        }
      }
    }
  }

  private static Compressed get(Future<Compressed> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while compressing the workbook");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    }
  }

  /** How a task writes an entry's new content. */
  private interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * One entry's content, deflated (raw, as a zip entry holds it), with its CRC and sizes: in
   * memory while small, past that in a temporary file that is unlinked as soon as it is open.
   */
  private static final class Compressed implements Closeable {
    private static final int IN_MEMORY = 4 << 20;
    private final long crc;
    private final long size;
    private final long compressedSize;
    private final byte[] bytes;
    private final FileChannel file;

    private Compressed(long crc, long size, long compressedSize, byte[] bytes, FileChannel file) {
      this.crc = crc;
      this.size = size;
      this.compressedSize = compressedSize;
      this.bytes = bytes;
      this.file = file;
    }

    static Compressed of(int level, Body body) throws IOException {
      Spill spill = new Spill();
      Deflater deflater = new Deflater(level, true);
      CRC32 crc = new CRC32();
      long[] size = new long[1];
      try {
        DeflaterOutputStream deflated = new DeflaterOutputStream(spill, deflater, 1 << 16);
        OutputStream counted = new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            crc.update(b);
            size[0]++;
            deflated.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            crc.update(b, off, len);
            size[0] += len;
            deflated.write(b, off, len);
          }
        };
        body.writeTo(counted);
        deflated.finish();
        return new Compressed(crc.getValue(), size[0], spill.size, spill.memory(), spill.file);
      } catch (IOException | RuntimeException | Error e) {
        spill.discard();
        throw e;
      } finally {
        deflater.end();
      }
    }

    InputStream open() throws IOException {
      if (file == null) {
        return new ByteArrayInputStream(bytes);
      }
      file.position(0);
      return Channels.newInputStream(file);
    }

    @Override
    public void close() throws IOException {
      if (file != null) {
        file.close();
      }
    }
  }

  /** Bytes kept in memory up to a limit, then in an unlinked temporary file. */
  private static final class Spill extends OutputStream {
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private FileChannel file;
    private OutputStream fileOut;
    private long size;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (file == null && memory.size() + len > Compressed.IN_MEMORY) {
        Path p = Files.createTempFile("polcomp-zip", ".tmp");
        try {
          file = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE,
              StandardOpenOption.DELETE_ON_CLOSE);
        } finally {
          try {
            Files.deleteIfExists(p); // unlinked while open: nothing is left behind
          } catch (IOException e) {
            // not on this file system: DELETE_ON_CLOSE removes it
          }
        }
        fileOut = new BufferedOutputStream(Channels.newOutputStream(file), 1 << 16);
        memory.writeTo(fileOut);
        memory = null;
      }
      if (file == null) {
        memory.write(b, off, len);
      } else {
        fileOut.write(b, off, len);
      }
      size += len;
    }

    @Override
    public void flush() throws IOException {
      if (fileOut != null) {
        fileOut.flush();
      }
    }

    byte[] memory() throws IOException {
      flush();
      return memory == null ? null : memory.toByteArray();
    }

    void discard() throws IOException {
      if (file != null) {
        file.close();
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
    // (the condition is checked before each read: a read after the marker would lose its bytes)
    for (int n; rest == null && (n = in.read(buffer)) >= 0; ) {
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
