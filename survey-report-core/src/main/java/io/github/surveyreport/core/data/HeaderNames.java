package io.github.surveyreport.core.data;

import io.github.surveyreport.core.internal.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks every reader applies to a header row, so that a CSV file and a workbook with the
 * same names give the same columns, warnings and errors; only the way a message points at the
 * row and its cells differs ({@code data.csv line 1, column C} or {@code 答卷数据!C1}).
 */
final class HeaderNames {
    private HeaderNames() {
    }

    /** How messages point at the header row and its cells. */
    interface Locator {
        /** The header row, e.g. {@code data.csv line 1}. */
        String row();

        /** One cell of the header, by 0-based column. */
        String cell(int column);

        /** Two cells of the header, by 0-based column. */
        String cells(int first, int second);

        /** What the format calls a row: {@code line} in a text file, {@code row} in a workbook. */
        default String unit() {
            return "line";
        }
    }

    /**
     * The column names, trimmed and in Unicode NFC (a name typed on macOS may be decomposed, NFD,
     * and must still match the study file's). Empty names at the end are columns Excel leaves
     * after formatted cells: kept nameless, with a warning. Characters XML cannot carry are
     * replaced, with a warning, so that no report format fails on them.
     *
     * @throws DataFileException when the header is empty, a name in it is empty or a name is
     *                           used twice
     */
    static List<String> check(Path file, String[] names, Locator at, List<String> warnings) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<String> trimmed = new ArrayList<>();
        int named = names.length;
        while (named > 0 && names[named - 1].isBlank()) {
            named--;
        }
        if (named == 0) {
            throw new DataFileException(file, at.row() + ": the header " + at.unit() + " is empty; the first "
                    + at.unit() + " must hold the column names, one per column");
        }
        if (named < names.length) {
            warnings.add(at.row() + ": " + (names.length - named) + " column"
                    + (names.length - named == 1 ? "" : "s") + " at the end of the header ("
                    + Columns.letter(named) + (names.length - named == 1 ? "" : "–" + Columns.letter(names.length - 1))
                    + ") have no name; they are not used (Excel leaves such columns after formatted cells)");
        }
        for (int i = 0; i < names.length; i++) {
            String name = Columns.normalize(names[i].strip());
            int bad = Text.firstXmlInvalid(name);
            if (bad >= 0) {
                String safe = Text.xmlSafe(name);
                warnings.add(at.cell(i) + ": the column name '"
                        + Text.forMessage(name) + "' contains the control character "
                        + Text.escape(name.substring(bad, bad + 1)) + ", which reports cannot show; it is read as '"
                        + safe + "'");
                name = safe;
            }
            trimmed.add(name);
            if (name.isEmpty()) {
                if (i < named) {
                    problems.add(at.cell(i) + ": the header has an "
                            + "empty column name; every column needs a name (delete the empty column or name it)");
                }
                continue;
            }
            Integer earlier = seen.putIfAbsent(name, i);
            if (earlier != null) {
                problems.add(at.cells(earlier, i) + ": the column name '" + Text.forMessage(name)
                        + "' is used twice; column names must be unique");
            }
        }
        if (!problems.isEmpty()) {
            throw new DataFileException(file, problems, false);
        }
        return List.copyOf(trimmed);
    }
}
