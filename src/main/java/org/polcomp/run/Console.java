package org.polcomp.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a job prints: results to {@code out}, diagnostics and progress to {@code err}, what is
 * known of the terminal behind them, and {@code bytes}, standard output as a byte stream for the
 * formats that are not text (a workbook on {@code -o -}).
 */
public record Console(PrintWriter out, PrintWriter err, Terminal terminal, OutputStream bytes) {
  public Console {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(terminal, "terminal");
    Objects.requireNonNull(bytes, "bytes");
  }

  /** A console whose byte stream is {@code out} itself, the bytes read as UTF-8 (for tests). */
  public Console(PrintWriter out, PrintWriter err, Terminal terminal) {
    this(out, err, terminal, new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        out.write(new String(b, off, len, StandardCharsets.UTF_8));
      }

      @Override
      public void flush() {
        out.flush();
      }
    });
  }

  /**
   * Writes to standard output as bytes: what {@code out} holds goes first, and a failed write
   * (a full disk, a closed pipe) is an I/O error, not a silent loss.
   */
  public void writeBytes(Body body) throws IOException {
    out.flush();
    try {
      body.writeTo(bytes);
      bytes.flush();
    } catch (IOException e) {
      throw new IOException("cannot write to standard output: " + e.getMessage(), e);
    }
    if (out.checkError()) {
      throw new IOException("cannot write to standard output");
    }
  }

  /** What goes to standard output. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }
}
