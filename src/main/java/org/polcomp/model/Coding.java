package org.polcomp.model;

/** A human coder's own classification of a measure; either axis may be absent (null). */
public record Coding(Targeting targeting, Duration duration, String coder, String note) {}
