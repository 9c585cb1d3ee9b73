package org.polcomp.model;

import java.util.Objects;

/** One funding entry: a source from the codebook, an optional amount in euro and a note. */
public record Funding(String source, Double amountEur, String note) {
  public Funding {
    Objects.requireNonNull(source, "source");
  }
}
