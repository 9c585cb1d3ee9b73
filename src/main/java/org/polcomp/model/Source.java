package org.polcomp.model;

import java.util.Objects;

/** A document a measure rests on. */
public record Source(String title, String url, PartialDate date, String page) {
  public Source {
    Objects.requireNonNull(title, "title");
  }
}
