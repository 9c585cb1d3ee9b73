/**
 * Classification: the rules of docs/codebook.md applied to one measure at a time.
 *
 * <p>Takes a {@link org.polcomp.model.Measure} and the {@link org.polcomp.model.Codebook}; gives a
 * {@link org.polcomp.classify.Classification} with the targeting and duration labels, the quadrant,
 * the duration score and confidence, and one {@link org.polcomp.classify.Reason} per rule that
 * fired. The rules (T1-T4 for targeting, D1-D4 for duration, and the verdicts T and D) are listed
 * once, in the registry {@link org.polcomp.classify.Rule}. The {@link
 * org.polcomp.classify.Classifier} is a pure function: values the codebook does not know (invalid
 * data, reported by validation) contribute nothing and never throw. {@link
 * org.polcomp.classify.ClassificationWarnings} turns a result into the warnings W004, W005 and
 * W008; {@link org.polcomp.classify.Agreement} compares human codings with the rules (observed
 * agreement and Cohen's kappa), and {@link org.polcomp.classify.Reliability} several coders with
 * each other and with the rules (Krippendorff's alpha, Fleiss' kappa, kappa per pair).
 *
 * <p>Scores and confidences are rounded to 3 decimals, half up, with {@link java.math.BigDecimal}
 * arithmetic, so that the order of groups or funding entries never changes a result.
 */
package org.polcomp.classify;
