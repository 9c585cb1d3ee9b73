package org.polcomp.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The files a load read, by what makes two paths the same file: its device and inode (else its
 * real path), as the load found them when it put repeats of one file aside. A run asks this
 * whether its output is one of its inputs before writing over it.
 *
 * <p>Why not ask the system about each input then: that took three system calls per input file
 * (does it exist, and is it the same file as the output), half a second at 100,000 files, on the
 * one thread between reading the dataset and writing the report while the other cores idle. The
 * output is looked at once instead, and its identity looked up here.
 */
public final class ReadFiles {
  /** No files: an output is never one of them. */
  public static final ReadFiles NONE = new ReadFiles(List.of(), Set.of());

  private final List<Path> paths;
  private final Set<Object> identities;

  /**
   * @param paths the files read, as the load named them
   * @param identities their identities ({@link DatasetLoader#identity}), one per file; owned by
   *     this from now on and not copied: copying 100,000 of them into an immutable set took a
   *     seventh of a second
   */
  ReadFiles(List<Path> paths, Set<Object> identities) {
    this.paths = List.copyOf(paths);
    this.identities = identities;
  }

  /**
   * Whether {@code output}, a path that exists, is one of the files read: the same file (a hard
   * or symbolic link to it included), or a file at the same path, which may have been replaced
   * since it was read.
   */
  public boolean holds(Path output) {
    if (paths.isEmpty()) {
      return false;
    }
    if (identities.contains(DatasetLoader.identity(output))) {
      return true;
    }
    Path absolute = output.toAbsolutePath().normalize();
    Path name = absolute.getFileName();
    for (Path p : paths) {
      // the name first: no path is made for the inputs of other names
      if (name != null && p.endsWith(name) && p.toAbsolutePath().normalize().equals(absolute)) {
        return true;
      }
    }
    return false;
  }
}
