package org.polcomp.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream that keeps the caller's stream open when a generator or zip stream wrapped around it
 * closes: writers write into streams they do not own (an atomic file, standard output).
 */
public final class Unclosed extends FilterOutputStream {
  public Unclosed(OutputStream out) {
    super(out);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
