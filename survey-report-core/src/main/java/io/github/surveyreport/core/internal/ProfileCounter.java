package io.github.surveyreport.core.internal;

import io.github.surveyreport.core.data.DataFileException;
import io.github.surveyreport.core.results.ProfileTable;
import io.github.surveyreport.core.study.ProfileColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Counts the answers of one profile column over the analysed rows. */
final class ProfileCounter {
    /** More distinct answers than this is a free-text column, not a demographic. */
    static final int MAX_CATEGORIES = 1000;

    private final ProfileColumn spec;
    private final String label;
    private final int index;
    private final Pattern separator;
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private long missing;

    ProfileCounter(ProfileColumn spec, String label, int index) {
        this.spec = spec;
        this.label = label;
        this.index = index;
        this.separator = spec.multiple() == null ? null : Pattern.compile(Pattern.quote(spec.multiple()));
    }

    void add(String[] cells, Set<String> missingValues, Path file, String fileName, long line) {
        String cell = cells[index].strip();
        if (missingValues.contains(cell)) {
            missing++;
            return;
        }
        if (separator == null) {
            count(cell, file, fileName, line);
            return;
        }
        Set<String> options = new LinkedHashSet<>();
        for (String option : separator.split(cell)) {
            String value = option.strip();
            if (!value.isEmpty()) {
                options.add(value); // an option named twice by one respondent counts once
            }
        }
        if (options.isEmpty()) {
            missing++;
        }
        for (String option : options) {
            count(option, file, fileName, line);
        }
    }

    private void count(String value, Path file, String fileName, long line) {
        long[] count = counts.get(value);
        if (count == null) {
            if (counts.size() >= MAX_CATEGORIES) {
                throw new DataFileException(file, fileName + " line " + line + ", column " + spec.column()
                        + ": the profile column has more than " + MAX_CATEGORIES
                        + " different answers; a profile table is for categories (age band, position, ...), "
                        + "not free text or numbers");
            }
            count = new long[1];
            counts.put(value, count);
        }
        count[0]++;
    }

    ProfileTable result(long n, List<String> warnings) {
        List<String> values = new ArrayList<>();
        for (String ordered : spec.order()) {
            if (counts.containsKey(ordered)) {
                values.add(ordered);
            }
        }
        List<String> rest = new ArrayList<>(counts.keySet());
        rest.removeAll(values);
        // stable sort: equal counts keep the order they were first seen in the file
        rest.sort(Comparator.comparingLong((String v) -> counts.get(v)[0]).reversed());
        if (!spec.order().isEmpty() && !rest.isEmpty()) {
            warnings.add("Profile column " + spec.column() + ": the answers " + rest
                    + " are not in its order list; they are shown after the listed ones");
        }
        values.addAll(rest);
        List<ProfileTable.Category> categories = new ArrayList<>();
        for (String value : values) {
            long count = counts.get(value)[0];
            categories.add(new ProfileTable.Category(value, count, n == 0 ? 0 : 100.0 * count / n));
        }
        return new ProfileTable(spec.column(), label, spec.multiple() != null, categories, missing);
    }
}
