package io.github.surveyreport.core.report;

import com.lowagie.text.pdf.BaseFont;
import io.github.surveyreport.core.SurveyReportException;
import io.github.surveyreport.core.results.ProfileTable;
import io.github.surveyreport.core.results.Results;
import io.github.surveyreport.core.study.Construct;
import io.github.surveyreport.core.study.Hypothesis;
import io.github.surveyreport.core.study.Language;
import io.github.surveyreport.core.study.Study;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.xhtmlrenderer.pdf.CJKFontResolver;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextFontResolver;

/**
 * The fonts of one PDF: which files to register under which {@code font-family} name, the CSS
 * {@code font-family} list (the font that covers the report's script first, since Flying
 * Saucer has no per-glyph fallback) and the font-family list of the figure's text.
 *
 * @param registrations font files and the family alias each is registered under
 * @param cssFamily     the CSS {@code font-family} value for the body
 * @param figureFamily  the {@code font-family} of the figure's SVG text (registered names)
 * @param cjkFallback   whether OpenPDF's built-in, non-embedded STSong-Light is used
 */
record PdfFonts(List<Registration> registrations, String cssFamily, String figureFamily, boolean cjkFallback) {

    static final String CJK_ALIAS = "Report CJK";
    static final String SERIF_ALIAS = "Report Serif";
    static final String STSONG = "STSong-Light-H";

    /** One font file (a .ttc face as {@code path,index}) registered under a family alias. */
    record Registration(String path, String alias) {
    }

    /** Chooses the fonts for a study's report; problems go to {@code warnings}. */
    static PdfFonts choose(Study study, Results results, List<Path> configured, Consumer<String> warnings) {
        if (!configured.isEmpty()) {
            return configured(study, configured, warnings);
        }
        return discovered(study, results, FontDiscovery.discover(), warnings);
    }

    /** Chooses among the fonts found. */
    static PdfFonts discovered(Study study, Results results, FontDiscovery.Found found, Consumer<String> warnings) {
        boolean cjkText = study.language() == Language.ZH || FontDiscovery.needsCjk(allText(study, results));
        // only the fonts the text needs are read (a CJK font is a 5 MB file): Flying Saucer has
        // no per-glyph fallback, so the body is set in one font, and the figure's labels are
        // part of the text checked for CJK
        List<Registration> cjkFace = found.cjk() == null ? List.of()
                : List.of(new Registration(found.cjk().openPdfPath(), CJK_ALIAS));
        List<Registration> serifFaces = new ArrayList<>();
        for (FontDiscovery.Face face : found.serif()) {
            serifFaces.add(new Registration(face.openPdfPath(), SERIF_ALIAS));
        }
        String cjk = found.cjk() == null ? null : CJK_ALIAS;
        String serif = found.serif().isEmpty() ? null : SERIF_ALIAS;
        if (cjkText) {
            if (found.cjk() == null) {
                warnings.accept("No CJK TrueType font found in " + FontDiscovery.systemDirectories()
                        + ": the PDF falls back to OpenPDF's built-in STSong-Light, which is not embedded, spaces "
                        + "Latin text badly, shows Greek letters full-width and has no bold. Install a CJK TrueType "
                        + "font (Debian/Ubuntu: apt-get install fonts-wqy-microhei; Fedora: dnf install "
                        + "wqy-microhei-fonts; Windows and macOS have one) or configure the report fonts "
                        + "(a .ttf or .ttc file).");
                // the serif font sets the figure's Latin text better than STSong
                return new PdfFonts(serifFaces, quote(STSONG) + ", serif", families(STSONG, serif), true);
            }
            return new PdfFonts(cjkFace, quote(CJK_ALIAS) + ", serif", families(cjk, null), false);
        }
        if (serif != null) {
            return new PdfFonts(serifFaces, quote(SERIF_ALIAS) + ", serif", families(serif, null), false);
        }
        if (cjk != null) {
            return new PdfFonts(cjkFace, quote(CJK_ALIAS) + ", serif", families(cjk, null), false);
        }
        warnings.accept("No TrueType font found in " + FontDiscovery.systemDirectories() + ": the PDF uses the "
                + "built-in Times, which lacks Greek letters (\u03B1, \u03B2, \u03C7) and the minus sign. Install "
                + "one (e.g. Debian/Ubuntu: apt-get install fonts-dejavu-core) or configure the report fonts.");
        return new PdfFonts(List.of(), "serif", "serif", false);
    }

    private static PdfFonts configured(Study study, List<Path> configured, Consumer<String> warnings) {
        List<Registration> registrations = new ArrayList<>();
        Set<String> families = new LinkedHashSet<>();
        boolean first = true;
        for (Path path : configured) {
            String spec = path.toString();
            String file = spec;
            int index = 0;
            int comma = spec.lastIndexOf(',');
            if (comma > 0 && spec.substring(comma + 1).matches("\\d+")) {
                file = spec.substring(0, comma);
                index = Integer.parseInt(spec.substring(comma + 1));
            }
            Path fontFile = Path.of(file);
            String lower = file.toLowerCase(Locale.ROOT);
            if (!Files.isRegularFile(fontFile)) {
                throw new SurveyReportException("Report font " + file + " does not exist");
            }
            if (!(lower.endsWith(".ttf") || lower.endsWith(".ttc") || lower.endsWith(".otf"))) {
                throw new SurveyReportException("Report font " + file + " is not a TrueType font (.ttf or .ttc)");
            }
            String openPdfPath = new FontDiscovery.Face(fontFile, index).isCollection() ? file + "," + index : file;
            String family;
            try {
                BaseFont font = load(openPdfPath);
                family = familyName(font);
                if (first && study.language() == Language.ZH && !font.charExists('\u4E2D')) {
                    warnings.accept("The first report font " + file + " has no Chinese characters: Chinese text "
                            + "will be missing from the PDF. List a CJK font first.");
                }
            } catch (Exception e) {
                throw new SurveyReportException("Report font " + file + " cannot be read: " + e.getMessage(), e);
            }
            if (!FontDiscovery.isTrueType(fontFile)) {
                warnings.accept("Report font " + file + " has CFF (PostScript) outlines, which OpenPDF often "
                        + "renders wrongly; prefer a TrueType-outline font (.ttf, .ttc).");
            }
            registrations.add(new Registration(openPdfPath, family));
            families.add(family);
            first = false;
        }
        StringBuilder css = new StringBuilder();
        for (String family : families) {
            css.append(quote(family)).append(", ");
        }
        css.append("serif");
        return new PdfFonts(registrations, css.toString(), css.toString(), false);
    }

    /**
     * A Flying Saucer font resolver with these fonts. With TrueType fonts registered, the
     * generic families resolve to the body font instead of OpenPDF's 14 standard Type 1 fonts,
     * so every glyph in the PDF is embedded and the standard fonts' metrics are never parsed.
     */
    ITextFontResolver resolver() {
        ITextFontResolver resolver = cjkFallback ? new CJKFontResolver()
                : registrations.isEmpty() ? new ITextFontResolver() : new EmbeddedOnlyFontResolver();
        for (Registration r : registrations) {
            try {
                resolver.addFont(load(r.path()), r.path(), r.alias());
            } catch (Exception e) {
                throw new SurveyReportException("Cannot load font " + r.path() + " for the PDF report: "
                        + e.getMessage(), e);
            }
        }
        if (resolver instanceof EmbeddedOnlyFontResolver embedded) {
            embedded.useForGenericFamilies(cssFamily, registrations.get(0).alias());
        }
        return resolver;
    }

    /**
     * A TrueType font ({@code file} or {@code file,index} in a collection) for embedding as a
     * subset, from OpenPDF's per-JVM font cache. The file's bytes are handed over so that the
     * font lives in memory: read from the file, OpenPDF's subsetting reads the glyph tables one
     * byte per system call, about 200,000 calls for a CJK font.
     */
    static BaseFont load(String openPdfPath) throws IOException, com.lowagie.text.DocumentException {
        int comma = openPdfPath.lastIndexOf(',');
        boolean indexed = comma > 0 && openPdfPath.substring(comma + 1).matches("\\d+");
        Path file = Path.of(indexed ? openPdfPath.substring(0, comma) : openPdfPath);
        return BaseFont.createFont(openPdfPath, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                Files.readAllBytes(file), null);
    }

    /** A resolver that knows only the fonts added to it. */
    private static final class EmbeddedOnlyFontResolver extends ITextFontResolver {
        @Override
        protected Map<String, FontFamily> loadFonts() {
            return new HashMap<>();
        }

        /** Points the generic families, and thereby every fallback, at the body's first font. */
        void useForGenericFamilies(String cssFamily, String firstAlias) {
            String first = cssFamily.substring(0, cssFamily.indexOf(',')).replace("'", "").trim();
            FontFamily body = getFonts().get(first);
            if (body == null) {
                // a configured family whose name CSS could not quote as it is
                body = getFonts().get(firstAlias);
            }
            for (String generic : new String[] {"Serif", "SansSerif", "Monospaced"}) {
                getFonts().put(generic, body);
            }
        }
    }

    private static String familyName(BaseFont font) {
        String[][] names = font.getFamilyFontName();
        for (String[] name : names) {
            if ("1033".equals(name[2]) || "0".equals(name[2])) {
                return name[3];
            }
        }
        return names.length > 0 ? names[0][3] : font.getPostscriptFontName();
    }

    /** A font-family list for the figure, which falls back per character. */
    private static String families(String first, String second) {
        StringBuilder s = new StringBuilder();
        for (String family : new String[] {first, second}) {
            if (family != null) {
                s.append(quote(family)).append(", ");
            }
        }
        return s.append("serif").toString();
    }

    private static String quote(String family) {
        return "'" + family.replace("'", "") + "'";
    }

    /** Every text of the study and results that ends up in the report. */
    private static String allText(Study study, Results results) {
        StringBuilder text = new StringBuilder();
        if (study.title() != null) {
            text.append(study.title());
        }
        study.labels().values().forEach(text::append);
        for (Construct c : study.constructs()) {
            text.append(study.label(c.id()));
        }
        for (Hypothesis h : study.hypotheses()) {
            if (h.text() != null) {
                text.append(h.text());
            }
        }
        if (results.sample() != null) {
            for (ProfileTable table : results.sample().profile()) {
                text.append(table.column()).append(table.label());
                table.categories().forEach(c -> text.append(c.value()));
            }
        }
        return text.toString();
    }
}
