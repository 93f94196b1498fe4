package io.github.surveyreport.core.study;

import java.util.List;
import java.util.Objects;

/**
 * A column of the sample-profile (demographics) table.
 *
 * @param column   the data column
 * @param label    display text, or {@code null} for the column's label
 * @param multiple separator of a multi-select answer (e.g. {@code ;}), or {@code null}
 * @param order    the order categories are shown in; empty to order by count
 */
public record ProfileColumn(String column, String label, String multiple, List<String> order)
        implements java.io.Serializable {
    public ProfileColumn {
        Objects.requireNonNull(column, "column");
        order = List.copyOf(order);
    }
}
