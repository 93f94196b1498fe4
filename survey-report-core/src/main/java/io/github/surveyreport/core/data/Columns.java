package io.github.surveyreport.core.data;

/** Spreadsheet column letters, so that a message points at the column a researcher sees in Excel. */
public final class Columns {
    private Columns() {
    }

    /**
     * A column name in Unicode NFC, the form names are compared in: the same-looking {@code Renée}
     * typed on macOS (decomposed, NFD) and on Windows (composed) is one name.
     */
    public static String normalize(String name) {
        return java.text.Normalizer.isNormalized(name, java.text.Normalizer.Form.NFC) ? name
                : java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC);
    }

    /** {@code 0 -> A}, {@code 25 -> Z}, {@code 26 -> AA}. */
    public static String letter(int index) {
        StringBuilder letters = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            letters.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return letters.toString();
    }
}
