package org.polcomp.report.xlsx;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.polcomp.report.Futures;
import org.polcomp.report.Unclosed;

/**
 * Turns the package POI wrote (structure and header rows, stored uncompressed) into the final
 * file: entries in POI's order, each with one fixed time (so the same workbook gives the same
 * bytes in every time zone); each sheet with its data rows ({@link SheetRows}) and the
 * {@link Hyperlinks} found in them, which also go into the sheet's relationship part; and the
 * named style {@code Normal} that POI leaves out. Entries are rewritten and deflated on every
 * core, then written in order, raw.
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
  // The worksheet children that come after <hyperlinks> (ECMA-376 CT_Worksheet).
  private static final Set<String> AFTER_HYPERLINKS = Set.of("printOptions", "pageMargins",
      "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches",
      "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture",
      "oleObjects", "controls", "webPublishItems", "tableParts", "extLst");

  static void copy(Path pkg, OutputStream out, Map<String, SheetRows> rows, Hyperlinks links,
      RowsAhead ahead) throws IOException {
    try (ZipFile zip = new ZipFile(pkg.toFile())) {
      List<ZipEntry> entries = new ArrayList<>(Collections.list(zip.entries()));
      // What each entry becomes is decided here; the entries are then rewritten and compressed
      // in parallel (a large workbook is mostly two or three big sheets), and written in order.
      // A sheet's relationships wait for its rows: they hold the links found there.
      Map<String, CompletableFuture<Compressed>> sheets = new HashMap<>();
      List<CompletableFuture<Compressed>> done = new ArrayList<>();
      ExecutorService pool = pool(entries.size());
      try {
        for (ZipEntry e : entries) {
          String name = e.getName();
          int level = e.getSize() > FAST_ABOVE ? Deflater.BEST_SPEED : Deflater.DEFAULT_COMPRESSION;
          SheetRows sheetRows = rows.get(name);
          String relsOf = sheetOf(name);
          CompletableFuture<Compressed> f;
          if (sheetRows != null) {
            // the sheet's size in the package says nothing of its rows: compress for speed when
            // they are many
            int sheetLevel = sheetRows.count() > FAST_ROWS ? Deflater.BEST_SPEED : level;
            f = CompletableFuture.supplyAsync(compress(sheetLevel, z -> {
              try (InputStream in = zip.getInputStream(e)) {
                sheet(in, z, sheetRows, links, ahead, name);
              }
            }), pool);
            sheets.put(name, f);
          } else if (relsOf != null && sheets.containsKey(relsOf)) {
            f = sheets.get(relsOf).thenApplyAsync(ignored -> compress(level, z -> {
              try (InputStream in = zip.getInputStream(e)) {
                Hyperlinks.Spool spool = links.sheet(relsOf);
                if (spool == null) {
                  in.transferTo(z);
                } else {
                  relationships(in, z, spool, name);
                }
              }
            }).get(), pool);
            sheets.remove(relsOf);
          } else {
            f = CompletableFuture.supplyAsync(compress(level, z -> {
              try (InputStream in = zip.getInputStream(e)) {
                if (name.equals(STYLES)) {
                  styles(in, z);
                } else {
                  in.transferTo(z);
                }
              }
            }), pool);
          }
          done.add(f);
        }
        write(entries, done, out);
      } finally {
        pool.shutdownNow();
        // a failed run still releases what the other entries spilled
        for (CompletableFuture<Compressed> f : done) {
          f.thenAccept(Repack::closeQuietly);
        }
      }
      // sheets whose relationships never came: links there would have nowhere to go
      for (String sheet : sheets.keySet()) {
        if (links.sheet(sheet) != null) {
          throw new IllegalStateException("a sheet with hyperlinks has no relationship part");
        }
      }
    }
  }

  // the rows above which a sheet is compressed at the fastest level
  private static final int FAST_ROWS = 20_000;

  // The sheet whose relationships an entry holds (xl/worksheets/_rels/sheet2.xml.rels gives
  // xl/worksheets/sheet2.xml), or null.
  private static String sheetOf(String entry) {
    if (!entry.endsWith(".xml.rels") || !entry.contains("/_rels/")) {
      return null;
    }
    String sheet = entry.replace("/_rels/", "/").replaceFirst("\\.rels$", "");
    return Hyperlinks.relationshipsEntry(sheet).equals(entry) ? sheet : null;
  }

  private static ExecutorService pool(int entries) {
    int threads = Math.max(1, Math.min(entries, Runtime.getRuntime().availableProcessors()));
    return Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "polcomp-zip");
      t.setDaemon(true);
      return t;
    });
  }

  // A task for the pool: CompletableFuture takes suppliers, which cannot throw IOException.
  private static Supplier<Compressed> compress(int level, Body body) {
    return () -> {
      try {
        return Compressed.of(level, body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private static void closeQuietly(Compressed c) {
    try {
      c.close();
    } catch (IOException e) {
      // nothing more to do for a temporary file
    }
  }

  private static void write(List<ZipEntry> entries, List<CompletableFuture<Compressed>> done,
      OutputStream out) throws IOException {
    try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(new Unclosed(out))) {
      z.setUseZip64(Zip64Mode.AsNeeded);
      for (int i = 0; i < entries.size(); i++) {
        Compressed c = Futures.get(done.get(i), "compressing the workbook");
        ZipArchiveEntry copy = new ZipArchiveEntry(entries.get(i).getName());
        copy.setTimeLocal(TIME);
        copy.setMethod(ZipEntry.DEFLATED);
        copy.setCrc(c.crc);
        copy.setSize(c.size);
        copy.setCompressedSize(c.compressedSize);
        try (InputStream raw = c.open()) {
          z.addRawArchiveEntry(copy, raw);
        }
        c.close();
      }
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
        Path p = org.polcomp.report.Scratch.file("zip", ".tmp");
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

  // The sheet as POI wrote it (the header row), with the data rows before </sheetData> and then
  // <hyperlinks> where the schema wants it.
  private static void sheet(InputStream in, OutputStream out, SheetRows rows, Hyperlinks links,
      RowsAhead ahead, String name) throws IOException {
    String xml = dimension(new String(in.readAllBytes(), StandardCharsets.UTF_8),
        rows.dimension());
    int end = xml.indexOf("</sheetData>");
    String after;
    if (end >= 0) {
      out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
      after = xml.substring(end + "</sheetData>".length());
    } else {
      end = xml.indexOf("<sheetData/>");
      if (end < 0) {
        throw new IllegalStateException("no sheetData in " + name);
      }
      out.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
      out.write("<sheetData>".getBytes(StandardCharsets.US_ASCII));
      after = xml.substring(end + "<sheetData/>".length());
    }
    ahead.write(rows, out);
    out.write("</sheetData>".getBytes(StandardCharsets.US_ASCII));
    Hyperlinks.Spool spool = links.sheet(name);
    if (spool == null) {
      out.write(after.getBytes(StandardCharsets.UTF_8));
      return;
    }
    int at = insertionPoint(after, name);
    out.write(after.substring(0, at).getBytes(StandardCharsets.UTF_8));
    out.write("<hyperlinks>".getBytes(StandardCharsets.US_ASCII));
    Hyperlinks.copy(spool.links, out);
    out.write("</hyperlinks>".getBytes(StandardCharsets.US_ASCII));
    out.write(after.substring(at).getBytes(StandardCharsets.UTF_8));
  }

  // POI sees only the header row and says so in <dimension>; the sheet covers its data rows too.
  static String dimension(String xml, String ref) {
    int at = xml.indexOf("<dimension ");
    if (at < 0) {
      int data = xml.indexOf("<sheetData");
      int views = xml.indexOf("<sheetViews");
      int before = views >= 0 && views < data ? views : data;
      // after <sheetPr>, before <sheetViews> (ECMA-376 CT_Worksheet)
      return xml.substring(0, before) + "<dimension ref=\"" + ref + "\"/>" + xml.substring(before);
    }
    int end = xml.indexOf('>', at);
    return xml.substring(0, at) + "<dimension ref=\"" + ref + "\"/" + xml.substring(end);
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
