package org.polcomp.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file atomically: into a temporary file in the target's directory, then a rename over
 * the target. A failed or interrupted write leaves the previous file as it was and removes the
 * temporary file.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Writes the bytes a {@link Body} produces to {@code target}, atomically. */
  public static void write(Path target, Body body) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
    Thread cleanup = new Thread(() -> deleteQuietly(tmp), "polcomp-cleanup");
    boolean hooked = addHook(cleanup);
    boolean done = false;
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        body.writeTo(out);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } finally {
      if (!done) {
        deleteQuietly(tmp);
      }
      if (hooked) {
        removeHook(cleanup);
      }
    }
  }

  // An interrupted run (SIGINT) runs shutdown hooks: the hook removes the temporary file.
  private static boolean addHook(Thread t) {
    try {
      Runtime.getRuntime().addShutdownHook(t);
      return true;
    } catch (IllegalStateException e) {
      return false; // already shutting down
    }
  }

  private static void removeHook(Thread t) {
    try {
      Runtime.getRuntime().removeShutdownHook(t);
    } catch (IllegalStateException e) {
      // shutting down: the hook runs and finds nothing to delete
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // nothing more to do: the file is in the target's directory and hidden
    }
  }

  /** What goes into the file. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }
}
