package org.polcomp.model;

import java.util.List;

/**
 * Everything read from the input paths: the municipalities in file, document order, the files read,
 * and the SHA-256 of each file (for the report's provenance).
 */
public record Dataset(List<Municipality> municipalities, List<InputFile> files) {
  public Dataset {
    municipalities = List.copyOf(municipalities);
    files = List.copyOf(files);
  }

  /**
   * One input file and the SHA-256 of its bytes: hex, or null when it could not be read or the
   * run records no hashes (only the jobs whose reports name their inputs do).
   */
  public record InputFile(String path, long size, String sha256) {}

  /** The number of measures over all municipalities. */
  public long measureCount() {
    long n = 0;
    for (Municipality m : municipalities) {
      n += m.measures().size();
    }
    return n;
  }
}
