package org.polcomp.report;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Table rows parked on disk while a large dataset is read, so that millions of measure rows never
 * sit in memory: reader threads {@link #put} the rows of one part (a municipality) in whatever
 * order they finish, and the writers later read {@link #rows} back part by part in the order the
 * table wants.
 *
 * <p>Parts are gathered in memory and written a buffer at a time; the file is made only when
 * the first buffer is full. It lives in the system's temporary folder and is unlinked as soon as
 * it is open, so nothing is left behind however the run ends (where the file system cannot
 * unlink an open file, it goes when the spool is closed). Cells are written with a type tag and
 * read back as the same types: null, String, Boolean, Long, Integer, Double, BigInteger,
 * BigDecimal, and lists and maps of these (the extension fields of a measure).
 */
public final class RowSpool implements Closeable {
  private static final int NULL = 0;
  private static final int STRING = 1;
  private static final int TRUE = 2;
  private static final int FALSE = 3;
  private static final int LONG = 4;
  private static final int INTEGER = 5;
  private static final int DOUBLE = 6;
  private static final int BIG_INTEGER = 7;
  private static final int BIG_DECIMAL = 8;
  private static final int LIST = 9;
  private static final int MAP = 10;

  /**
   * How many bytes of parts are gathered before they are written to the file. Written one part
   * at a time (a municipality's rows, a few KiB), the writes cost 3.5 s of system time in a
   * comparison of 100,000 municipalities to XLSX, a fifth of it the file system zeroing the
   * unwritten rest of each new block that a write began in.
   */
  static final int WRITE_BUFFER = 1 << 20;

  /**
   * How many buffers of {@link #WRITE_BUFFER} bytes a spool has at most: the one parts are
   * gathered in and those being written. A full buffer is written outside the spool's lock, so
   * the other readers go on putting parts into a fresh one meanwhile instead of waiting for the
   * file system (comparison of 100,000 municipalities: a second and a half of writes, during
   * which the other reader thread had nowhere to put its municipality).
   */
  static final int BUFFERS = 3;

  // the file, made when the first buffer is full: a small comparison never needs one (guarded
  // by this; a write outside the lock takes it inside)
  private FileChannel channel;
  private boolean closed;
  // where each part's rows are: offset, length in bytes and number of rows (guarded by this)
  private final Map<Object, long[]> index = new HashMap<>();
  private long end;
  // the last parts put, not yet in the file: its bytes end at `end` (guarded by this)
  private ByteBuffer pending = ByteBuffer.allocateDirect(WRITE_BUFFER);
  // buffers written and free again, how many there are, and how many writes are under way
  // outside the lock (all guarded by this)
  private final ArrayDeque<ByteBuffer> spare = new ArrayDeque<>();
  private int buffers = 1;
  private int writing;
  private long rows;

  private RowSpool() {}

  /**
   * A new, empty spool. Its file, in the system's temporary folder, is made only once more rows
   * are put than {@link #WRITE_BUFFER} holds: making, opening and unlinking it was a few
   * milliseconds of every small comparison, which never needs it.
   */
  public static RowSpool open() {
    return new RowSpool();
  }

  // The spool's file, made and opened (and unlinked) the first time it is needed.
  private synchronized FileChannel file() {
    if (channel != null) {
      return channel;
    }
    if (closed) {
      throw new IllegalStateException("the spool is closed");
    }
    try {
      Path file = Scratch.file("rows", ".spool");
      try {
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
            StandardOpenOption.DELETE_ON_CLOSE);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(file);
        throw e;
      }
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // not on this file system: DELETE_ON_CLOSE removes it when the spool closes
      }
      return channel;
    } catch (IOException e) {
      throw cannotWrite(e);
    }
  }

  /** Whether the spool has made its file yet. */
  synchronized boolean onDisk() {
    return channel != null;
  }

  private static UncheckedIOException cannotWrite(IOException e) {
    return new UncheckedIOException(new IOException("cannot write temporary rows in "
        + System.getProperty("java.io.tmpdir") + ": " + e.getMessage()
        + " (free some space there, or set another folder with JAVA_OPTS=-Djava.io.tmpdir=...)",
        e));
  }

  /**
   * Parks the rows of one part; {@code part} is the key (a value: equal keys name the same part)
   * that {@link #rows} later asks for. Safe to call from several threads at once.
   */
  public void put(Object part, List<List<Object>> partRows) {
    Out out = new Out(256 * partRows.size() + 16);
    for (List<Object> row : partRows) {
      out.writeInt(row.size());
      for (Object cell : row) {
        write(out, cell);
      }
    }
    append(part, out, partRows.size());
  }

  /**
   * Parks the rows of one part given as row records of {@code schema}; they are read back as
   * the schema's cell lists. The cells go from the records' components straight to the bytes,
   * without a cell list per row. Safe to call from several threads at once.
   */
  public void put(Object part, TableSchema schema, List<? extends Record> partRows) {
    int columns = schema.columns().size();
    Out out = new Out(256 * partRows.size() + 16);
    for (Record row : partRows) {
      schema.check(row);
      out.writeInt(columns);
      for (int i = 0; i < columns; i++) {
        write(out, schema.cell(row, i));
      }
    }
    append(part, out, partRows.size());
  }

  /**
   * Parks one part as bytes already encoded (the CSV records of its {@code count} rows), read
   * back only by {@link #encoded}. Safe to call from several threads at once.
   */
  public void putEncoded(Object part, byte[] bytes, int count) {
    append(part, bytes, count);
  }

  private void append(Object part, Out out, int count) {
    append(part, out.toByteArray(), count);
  }

  private void append(Object part, byte[] bytes, int count) {
    ByteBuffer full = null;
    long fullAt = 0;
    boolean large = false;
    long at;
    synchronized (this) {
      if (index.containsKey(part)) {
        throw new IllegalArgumentException("the rows of this part are already spooled");
      }
      if (bytes.length > pending.remaining() && pending.position() > 0) {
        full = pending;
        fullAt = end - pending.position();
        full.flip();
        pending = freeBuffer();
        writing++;
      }
      at = end;
      if (bytes.length > pending.remaining()) {
        // larger than a buffer: written as it is (the buffer is empty, so the file ends here)
        large = true;
        writing++;
      } else {
        pending.put(bytes);
      }
      index.put(part, new long[] {end, bytes.length, count});
      end += bytes.length;
      rows += count;
    }
    // the writes at their own places in the file, outside the lock; reading waits for them
    try {
      if (full != null) {
        writeFully(full, fullAt);
      }
      if (large) {
        writeFully(ByteBuffer.wrap(bytes), at);
      }
    } finally {
      synchronized (this) {
        if (full != null) {
          full.clear();
          spare.push(full);
          writing--;
        }
        if (large) {
          writing--;
        }
        if (full != null || large) {
          notifyAll();
        }
      }
    }
  }

  // A buffer to gather parts in: a spare one, a new one while there are fewer than BUFFERS, or
  // the first to come back from being written.
  private ByteBuffer freeBuffer() {
    boolean interrupted = false;
    try {
      while (spare.isEmpty()) {
        if (buffers < BUFFERS) {
          buffers++;
          return ByteBuffer.allocateDirect(WRITE_BUFFER);
        }
        interrupted |= waitForAWrite();
      }
      return spare.pop();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // Waits for the writes under way outside the lock to end.
  private void awaitWrites() {
    boolean interrupted = false;
    while (writing > 0) {
      interrupted |= waitForAWrite();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  // One wait for a write under way to end, which it always does: an interrupt meanwhile is
  // returned, for the caller to raise again once it has what it waited for.
  private boolean waitForAWrite() {
    try {
      wait();
      return false;
    } catch (InterruptedException e) {
      return true;
    }
  }

  private void writeFully(ByteBuffer b, long at) {
    FileChannel file = file();
    try {
      while (b.hasRemaining()) {
        at += file.write(b, at);
      }
    } catch (IOException e) {
      throw cannotWrite(e);
    }
  }

  /** The number of rows parked so far. */
  public synchronized long size() {
    return rows;
  }

  /**
   * The rows of these parts, part after part, each part's rows in the order they were put; a
   * part that was never put has no rows. Read from disk one part at a time, each time the rows
   * are iterated; {@link Rows#from} skips whole parts without reading them.
   */
  public Rows rows(List<?> parts) {
    List<long[]> places = places(parts);
    long total = 0;
    for (long[] place : places) {
      total += place[2];
    }
    long size = total;
    return new Rows() {
      @Override
      public long size() {
        return size;
      }

      @Override
      public Iterable<List<Object>> from(long offset) {
        return () -> RowSpool.this.iterator(places, offset);
      }

      @Override
      public Iterator<List<Object>> iterator() {
        return RowSpool.this.iterator(places, 0);
      }
    };
  }

  /**
   * The encoded parts ({@link #putEncoded}) among these, part after part: records that a CSV
   * writer of the same mode ({@code raw}) copies out as they are.
   */
  public EncodedRows encoded(List<?> parts, boolean raw) {
    List<long[]> places = places(parts);
    long size = 0;
    for (long[] place : places) {
      size += place[2];
    }
    long total = size;
    return new EncodedRows(raw) {
      @Override
      public long size() {
        return total;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        for (long[] place : places) {
          out.write(read(place[0], (int) place[1]));
        }
      }
    };
  }

  private List<long[]> places(List<?> parts) {
    List<long[]> places = new ArrayList<>(parts.size());
    synchronized (this) {
      for (Object p : parts) {
        long[] place = index.get(p);
        if (place != null && place[2] > 0) {
          places.add(place);
        }
      }
    }
    return Collections.unmodifiableList(places);
  }

  private Iterator<List<Object>> iterator(List<long[]> places, long offset) {
    // the first part holding row `offset`, and how many of its rows come before it
    int first = 0;
    long skip = offset;
    while (first < places.size() && skip >= places.get(first)[2]) {
      skip -= places.get(first)[2];
      first++;
    }
    long skipInPart = skip;
    int start = first;
    return new Iterator<>() {
      private int next = start;
      private ByteBuffer in;
      private long left;
      private long toSkip = skipInPart;

      @Override
      public boolean hasNext() {
        return left > 0 || next < places.size();
      }

      @Override
      public List<Object> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        try {
          if (left == 0) {
            long[] place = places.get(next++);
            in = ByteBuffer.wrap(read(place[0], (int) place[1]));
            left = place[2];
            for (; toSkip > 0; toSkip--) {
              readRow(in);
              left--;
            }
          }
          left--;
          return readRow(in);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read temporary rows: " + e.getMessage(), e);
        }
      }
    };
  }

  private static List<Object> readRow(ByteBuffer in) throws IOException {
    int size = in.getInt();
    List<Object> row = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      row.add(readCell(in));
    }
    return row;
  }

  // A part's bytes: from the buffer it is still gathered in, or from the file. A part is never
  // split between the two: it goes into the buffer whole, or to the file with the buffer.
  private byte[] read(long at, int length) throws IOException {
    byte[] bytes = new byte[length];
    FileChannel file;
    synchronized (this) {
      awaitWrites();
      long gathered = end - pending.position();
      if (at >= gathered) {
        pending.get((int) (at - gathered), bytes);
        return bytes;
      }
      file = channel;
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    long position = at;
    while (b.hasRemaining()) {
      int n = file.read(b, position);
      if (n < 0) {
        throw new EOFException("the temporary rows end early");
      }
      position += n;
    }
    return bytes;
  }

  private static void write(Out out, Object cell) {
    if (cell == null) {
      out.writeByte(NULL);
    } else if (cell instanceof String s) {
      out.writeByte(STRING);
      writeString(out, s);
    } else if (cell instanceof Boolean b) {
      out.writeByte(b ? TRUE : FALSE);
    } else if (cell instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (cell instanceof Integer i) {
      out.writeByte(INTEGER);
      out.writeInt(i);
    } else if (cell instanceof Double d) {
      out.writeByte(DOUBLE);
      out.writeDouble(d);
    } else if (cell instanceof BigInteger b) {
      out.writeByte(BIG_INTEGER);
      writeString(out, b.toString());
    } else if (cell instanceof BigDecimal b) {
      out.writeByte(BIG_DECIMAL);
      writeString(out, b.toString());
    } else if (cell instanceof List<?> list) {
      out.writeByte(LIST);
      out.writeInt(list.size());
      for (Object o : list) {
        write(out, o);
      }
    } else if (cell instanceof Map<?, ?> map) {
      out.writeByte(MAP);
      out.writeInt(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        writeString(out, (String) e.getKey());
        write(out, e.getValue());
      }
    } else {
      throw new IllegalArgumentException("a cell of type " + cell.getClass().getName()
          + " cannot be spooled");
    }
  }

  private static Object readCell(ByteBuffer in) throws IOException {
    int tag = Byte.toUnsignedInt(in.get());
    switch (tag) {
      case NULL:
        return null;
      case STRING:
        return readString(in);
      case TRUE:
        return Boolean.TRUE;
      case FALSE:
        return Boolean.FALSE;
      case LONG:
        return in.getLong();
      case INTEGER:
        return in.getInt();
      case DOUBLE:
        return in.getDouble();
      case BIG_INTEGER:
        return new BigInteger(readString(in));
      case BIG_DECIMAL:
        return new BigDecimal(readString(in));
      case LIST: {
        int n = in.getInt();
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(readCell(in));
        }
        return Collections.unmodifiableList(list);
      }
      case MAP: {
        int n = in.getInt();
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          String key = readString(in);
          map.put(key, readCell(in));
        }
        return Collections.unmodifiableMap(map);
      }
      default:
        throw new IOException("unknown cell tag " + tag);
    }
  }

  private static void writeString(Out out, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(ByteBuffer in) {
    int length = in.getInt();
    String s = new String(in.array(), in.arrayOffset() + in.position(), length,
        StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return s;
  }

  /**
   * A growing byte array with the DataOutput encodings the spool uses; unsynchronized, unlike
   * ByteArrayOutputStream, whose lock was taken several times for every cell.
   */
  private static final class Out {
    private byte[] bytes;
    private int size;

    Out(int capacity) {
      bytes = new byte[capacity];
    }

    private void room(int n) {
      if (size + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
      }
    }

    void writeByte(int b) {
      room(1);
      bytes[size++] = (byte) b;
    }

    void writeInt(int v) {
      room(4);
      for (int shift = 24; shift >= 0; shift -= 8) {
        bytes[size++] = (byte) (v >>> shift);
      }
    }

    void writeLong(long v) {
      room(8);
      for (int shift = 56; shift >= 0; shift -= 8) {
        bytes[size++] = (byte) (v >>> shift);
      }
    }

    void writeDouble(double v) {
      writeLong(Double.doubleToLongBits(v));
    }

    void write(byte[] b) {
      room(b.length);
      System.arraycopy(b, 0, bytes, size, b.length);
      size += b.length;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(bytes, size);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    if (channel != null) {
      channel.close();
    }
  }
}
