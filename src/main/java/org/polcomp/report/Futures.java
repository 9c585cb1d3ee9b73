package org.polcomp.report;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** The result of work the writers hand to other threads, with its failure as the writer's own. */
public final class Futures {
  private Futures() {}

  /**
   * The value of {@code f}, waiting for it. A failure on the other thread is thrown here as it
   * was thrown there (an I/O error stays an IOException, however wrapped), so that callers report
   * it as they would their own; {@code what} names the work when the wait is interrupted.
   */
  public static <T> T get(Future<T> f, String what) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while " + what);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while ((cause instanceof CompletionException || cause instanceof ExecutionException
          || cause instanceof UncheckedIOException) && cause.getCause() != null) {
        cause = cause.getCause();
      }
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
}
