package io.github.surveyreport.core.study;

import java.util.List;
import java.util.Objects;

/**
 * A latent variable measured by several items; its score is the mean of its items after
 * reverse coding.
 *
 * @param id      the id used in regressions and hypotheses, e.g. {@code HR}
 * @param label   display text, or {@code null}
 * @param items   the item columns, in order
 * @param reverse the items that are reverse coded (a subset of {@code items})
 */
public record Construct(String id, String label, List<String> items, List<String> reverse)
        implements java.io.Serializable {
    public Construct {
        Objects.requireNonNull(id, "id");
        items = List.copyOf(items);
        reverse = List.copyOf(reverse);
    }
}
