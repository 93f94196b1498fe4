package io.github.surveyreport.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds TrueType fonts for the PDF in the operating system's font directories: a CJK font
 * (required for Chinese text; Flying Saucer has no per-glyph fallback, so it must come first in
 * {@code font-family}) and a Latin serif family with bold and italic faces (used first in
 * English reports whose text has no CJK characters). CFF-flavoured OpenType files are skipped:
 * OpenPDF handles them poorly. The scan runs once per JVM and directory set.
 */
final class FontDiscovery {

    /** A font face file, with the face index for a collection. */
    record Face(Path file, int index) {
        /** The path as OpenPDF addresses it: {@code file} or {@code file,index} for a .ttc. */
        String openPdfPath() {
            return isCollection() ? file + "," + index : file.toString();
        }

        boolean isCollection() {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc");
        }
    }

    /** What was found: a CJK face, and a serif family (regular first), either possibly absent. */
    record Found(Face cjk, List<Face> serif) {
    }

    /** CJK fonts by file name, best first (all TrueType outlines). */
    static final List<String> CJK_FILES = List.of(
            // Windows
            "msyh.ttc", "msyh.ttf", "simsun.ttc", "simhei.ttf", "simkai.ttf", "simfang.ttf", "dengxian.ttf",
            // macOS
            "songti.ttc", "stheiti light.ttc", "stheiti medium.ttc", "pingfang.ttc", "arial unicode.ttf",
            "hiragino sans gb.ttc",
            // Linux
            "wqy-microhei.ttc", "wqy-zenhei.ttc", "uming.ttc", "ukai.ttc", "droidsansfallbackfull.ttf",
            "droidsansfallback.ttf", "notosanscjk-regular.ttc", "notosanssc-regular.ttf", "notoserifsc-regular.ttf");

    /** Serif families: regular, bold, italic, bold italic file names. */
    static final List<List<String>> SERIF_FAMILIES = List.of(
            List.of("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"),
            List.of("times new roman.ttf", "times new roman bold.ttf", "times new roman italic.ttf",
                    "times new roman bold italic.ttf"),
            List.of("liberationserif-regular.ttf", "liberationserif-bold.ttf", "liberationserif-italic.ttf",
                    "liberationserif-bolditalic.ttf"),
            List.of("tinos-regular.ttf", "tinos-bold.ttf", "tinos-italic.ttf", "tinos-bolditalic.ttf"),
            List.of("dejavuserif.ttf", "dejavuserif-bold.ttf", "dejavuserif-italic.ttf", "dejavuserif-bolditalic.ttf"),
            List.of("notoserif-regular.ttf", "notoserif-bold.ttf", "notoserif-italic.ttf",
                    "notoserif-bolditalic.ttf"));

    private static final Map<List<Path>, Found> CACHE = new LinkedHashMap<>();

    private FontDiscovery() {
    }

    /** The operating system's font directories that exist. */
    static List<Path> systemDirectories() {
        List<Path> dirs = new ArrayList<>();
        String home = System.getProperty("user.home", "");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String windir = Optional.ofNullable(System.getenv("WINDIR")).orElse("C:\\Windows");
            dirs.add(Paths.get(windir, "Fonts"));
            String local = System.getenv("LOCALAPPDATA");
            if (local != null) {
                dirs.add(Paths.get(local, "Microsoft", "Windows", "Fonts"));
            }
        } else if (os.contains("mac")) {
            dirs.add(Paths.get("/System/Library/Fonts"));
            dirs.add(Paths.get("/Library/Fonts"));
            dirs.add(Paths.get(home, "Library", "Fonts"));
        } else {
            dirs.add(Paths.get("/usr/share/fonts"));
            dirs.add(Paths.get("/usr/local/share/fonts"));
            dirs.add(Paths.get(home, ".fonts"));
            dirs.add(Paths.get(home, ".local", "share", "fonts"));
        }
        return dirs.stream().filter(Files::isDirectory).toList();
    }

    /** Finds fonts in the system directories (cached per JVM). */
    static Found discover() {
        return discover(systemDirectories());
    }

    /** Finds fonts in these directories (cached per JVM). */
    static synchronized Found discover(List<Path> directories) {
        return CACHE.computeIfAbsent(List.copyOf(directories), FontDiscovery::scan);
    }

    private static Found scan(List<Path> directories) {
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path dir : directories) {
            try (Stream<Path> files = Files.walk(dir, 6, FileVisitOption.FOLLOW_LINKS)) {
                files.filter(Files::isRegularFile).sorted().forEach(file -> {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.endsWith(".ttf") || name.endsWith(".ttc")) {
                        byName.putIfAbsent(name, file);
                    }
                });
            } catch (IOException | RuntimeException e) {
                // an unreadable font directory is not an error; look in the others
            }
        }
        Face cjk = null;
        for (String name : CJK_FILES) {
            Path file = byName.get(name);
            if (file != null && isTrueType(file)) {
                cjk = new Face(file, 0);
                break;
            }
        }
        List<Face> serif = List.of();
        for (List<String> family : SERIF_FAMILIES) {
            Path regular = byName.get(family.get(0));
            if (regular != null && isTrueType(regular)) {
                List<Face> faces = new ArrayList<>();
                faces.add(new Face(regular, 0));
                for (String other : family.subList(1, family.size())) {
                    Path file = byName.get(other);
                    if (file != null && isTrueType(file)) {
                        faces.add(new Face(file, 0));
                    }
                }
                serif = List.copyOf(faces);
                break;
            }
        }
        return new Found(cjk, serif);
    }

    /**
     * Whether a .ttf/.ttc has TrueType outlines (sfnt version 0x00010000 or {@code true}), not
     * CFF ({@code OTTO}); for a collection the first face is checked.
     */
    static boolean isTrueType(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(16);
            if (head.length < 12) {
                return false;
            }
            ByteBuffer buffer = ByteBuffer.wrap(head);
            int tag = buffer.getInt(0);
            if (tag == 0x74746366) { // 'ttcf'
                long offset = Integer.toUnsignedLong(buffer.getInt(12));
                if (offset < 16) {
                    return false;
                }
                in.skipNBytes(offset - 16);
                byte[] face = in.readNBytes(4);
                return face.length == 4 && isTrueTypeTag(ByteBuffer.wrap(face).getInt());
            }
            return isTrueTypeTag(tag);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isTrueTypeTag(int tag) {
        return tag == 0x00010000 || tag == 0x74727565; // 'true'
    }

    /** Whether a text contains characters a Latin font cannot show (Han, kana, Hangul, full-width). */
    static boolean needsCjk(String text) {
        if (text == null) {
            return false;
        }
        return text.codePoints().anyMatch(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                    || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
        });
    }
}
