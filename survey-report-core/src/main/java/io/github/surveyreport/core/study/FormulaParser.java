package io.github.surveyreport.core.study;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code DV ~ IV1 + IV2}. Names may hold dots, underscores, spaces and CJK characters;
 * a name that itself contains {@code +}, {@code ~} or {@code ->} is written in backticks, as in R.
 */
final class FormulaParser {
    private FormulaParser() {
    }

    static RegressionModel parse(String formula) {
        List<String> sides = split(formula, '~');
        if (sides.size() != 2) {
            throw new IllegalArgumentException("'" + formula
                    + "' must have the form DV ~ IV1 + IV2 (one ~ between the dependent and the predictors)");
        }
        String dependent = term(sides.get(0));
        if (dependent.isEmpty()) {
            throw new IllegalArgumentException("'" + formula + "' has no dependent term before ~");
        }
        List<String> predictors = new ArrayList<>();
        for (String part : split(sides.get(1), '+')) {
            String predictor = term(part);
            if (predictor.isEmpty()) {
                throw new IllegalArgumentException("'" + formula + "' has an empty predictor term");
            }
            predictors.add(predictor);
        }
        return new RegressionModel(dependent, predictors);
    }

    /** A trimmed term with its backticks, if any, removed. */
    static String term(String text) {
        String trimmed = text.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("`") && trimmed.endsWith("`")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '`') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
