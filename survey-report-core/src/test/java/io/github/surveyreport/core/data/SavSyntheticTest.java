package io.github.surveyreport.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * System files built byte by byte from PSPP's "System File Format" description, for what no
 * available writer produces: big-endian files, a code page (936) without an encoding record,
 * missing-value ranges, long string value labels and missing values (extensions 21 and 22),
 * and a {@code .zsav} of many small zlib blocks whose boundaries fall inside cases.
 */
class SavSyntheticTest {
    static final Charset GBK = Charset.forName("GBK");

    /** Writes ints and doubles in one byte order. */
    static final class Out {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final ByteOrder order;

        Out(ByteOrder order) {
            this.order = order;
        }

        Out i32(int... values) {
            for (int v : values) {
                bytes.writeBytes(ByteBuffer.allocate(4).order(order).putInt(v).array());
            }
            return this;
        }

        Out i64(long v) {
            bytes.writeBytes(ByteBuffer.allocate(8).order(order).putLong(v).array());
            return this;
        }

        Out f64(double v) {
            bytes.writeBytes(ByteBuffer.allocate(8).order(order).putDouble(v).array());
            return this;
        }

        Out raw(byte[] b) {
            bytes.writeBytes(b);
            return this;
        }

        /** {@code s} in GBK, padded with spaces to {@code n} bytes. */
        Out str(String s, int n) {
            byte[] b = Arrays.copyOf(s.getBytes(GBK), n);
            for (int i = s.getBytes(GBK).length; i < n; i++) {
                b[i] = ' ';
            }
            return raw(b);
        }

        int size() {
            return bytes.size();
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }

    static final double SYSMIS = -Double.MAX_VALUE;

    /** The cases: NUM1 (numeric), STR1 (A4), LONGSTR (A12). */
    static final Object[][] CASES = {
        {5.0, "ab", "中文字符ok"},
        {SYSMIS, "x", "NA"},
        {-95.0, "", "label me"},
        {999.0, "cd", ""},
        {2.5, "ef", "z"},
    };

    static byte[] build(ByteOrder order, int compression, int blockSize) {
        return build(order, compression, blockSize, false, false);
    }

    static byte[] build(ByteOrder order, int compression, int blockSize, boolean readStatLabels, boolean caseCount) {
        Out o = new Out(order);
        o.str(compression == 2 ? "$FL3" : "$FL2", 4).str("@(#) SPSS DATA FILE synthetic test", 60);
        o.i32(2, 4, compression, 0, -1).f64(100).str("29 Nov 26", 9).str("20:00:00", 8).str("", 64).str("", 3);
        byte[] label = "满意".getBytes(GBK);
        o.i32(2, 0, 1, -3, 0x050800, 0x050800).str("NUM1", 8).i32(label.length).raw(Arrays.copyOf(label, 4))
                .f64(-Double.MAX_VALUE).f64(-90).f64(999);
        o.i32(2, 4, 0, 1, 0x010400, 0x010400).str("STR1", 8).str("x", 8);
        o.i32(2, 12, 0, 0, 0x010c00, 0x010c00).str("LONGSTR", 8);
        o.i32(2, -1, 0, 0, 0, 0).str("", 8);
        byte[] vl = "非常不同意".getBytes(GBK);
        o.i32(3, 1).f64(1).raw(new byte[] {(byte) vl.length}).raw(Arrays.copyOf(vl, (vl.length + 1 + 7) / 8 * 8 - 1));
        o.i32(4, 1, 1);
        if (readStatLabels) {
            // as ReadStat writes them: a label for a value wider than STR1 (A4), which no cell can hold
            o.i32(3, 2).str("ab", 8).raw(new byte[] {2}).str("AB", 7).str("ab  zzzz", 8).raw(new byte[] {5})
                    .str("bogus", 7).i32(4, 1, 2);
        }
        o.i32(6, 1).str("a document line", 80);
        o.i32(7, 3, 4, 8, 1, 0, 0, -1, 1, 1, order == ByteOrder.LITTLE_ENDIAN ? 2 : 1, 936);
        o.i32(7, 4, 8, 3).f64(SYSMIS).f64(Double.MAX_VALUE).f64(-Double.MAX_VALUE);
        o.i32(7, 11, 4, 9, 1, 8, 0, 1, 8, 0, 1, 8, 0);
        byte[] names = "NUM1=满意度得分\tSTR1=STR1\tLONGSTR=LONGSTR".getBytes(GBK);
        o.i32(7, 13, 1, names.length).raw(names);
        Out labels = new Out(order);
        byte[] labelMe = Arrays.copyOf("label me    ".getBytes(GBK), 12);
        byte[] biaoqian = "标签".getBytes(GBK);
        labels.i32(7).raw("LONGSTR".getBytes(GBK)).i32(12, 1, 12).raw(labelMe).i32(biaoqian.length).raw(biaoqian);
        o.i32(7, 21, 1, labels.size()).raw(labels.toByteArray());
        Out missing = new Out(order);
        missing.i32(7).raw("LONGSTR".getBytes(GBK)).raw(new byte[] {1}).i32(8).str("NA", 8);
        o.i32(7, 22, 1, missing.size()).raw(missing.toByteArray());
        if (caseCount) {
            o.i32(7, 16, 8, 2).i64(1).i64(CASES.length); // the extended number of cases
        }
        o.i32(999, 0);
        Out data = new Out(order);
        List<Integer> commands = new ArrayList<>();
        Out raws = new Out(order);
        Out block = new Out(order);
        for (Object[] c : CASES) {
            double x = (Double) c[0];
            Out caseBytes = new Out(order).f64(x).str((String) c[1], 8).str((String) c[2], 16);
            if (compression == 0) {
                data.raw(caseBytes.toByteArray());
                continue;
            }
            byte[] cb = caseBytes.toByteArray();
            for (int e = 0; e < 4; e++) {
                byte[] element = Arrays.copyOfRange(cb, e * 8, e * 8 + 8);
                if (e == 0 && x == SYSMIS) {
                    commands.add(255);
                } else if (e == 0 && x == Math.rint(x) && x > -100 && x < 152) {
                    commands.add((int) x + 100);
                } else if (e > 0 && Arrays.equals(element, "        ".getBytes(GBK))) {
                    commands.add(254);
                } else {
                    commands.add(253);
                    raws.raw(element);
                }
                if (commands.size() == 8) {
                    flush(block, commands, raws);
                }
            }
        }
        if (compression != 0) {
            commands.add(252);
            while (commands.size() < 8) {
                commands.add(0);
            }
            flush(block, commands, raws);
            data.raw(block.toByteArray());
        }
        if (compression != 2) {
            return o.raw(data.toByteArray()).toByteArray();
        }
        byte[] stream = data.toByteArray();
        long zheader = o.size();
        List<byte[]> compressed = new ArrayList<>();
        for (int at = 0; at < stream.length; at += blockSize) {
            Deflater deflater = new Deflater();
            deflater.setInput(Arrays.copyOfRange(stream, at, Math.min(stream.length, at + blockSize)));
            deflater.finish();
            byte[] buffer = new byte[blockSize * 2 + 64];
            int n = deflater.deflate(buffer);
            deflater.end();
            compressed.add(Arrays.copyOf(buffer, n));
        }
        long trailer = zheader + 24 + compressed.stream().mapToLong(b -> b.length).sum();
        o.i64(zheader).i64(trailer).i64(24 + 24L * compressed.size());
        compressed.forEach(o::raw);
        o.i64(-100).i64(0).i32(blockSize, compressed.size());
        long uncompressedAt = zheader;
        long compressedAt = zheader + 24;
        for (int i = 0; i < compressed.size(); i++) {
            int size = Math.min(blockSize, stream.length - i * blockSize);
            o.i64(uncompressedAt).i64(compressedAt).i32(size, compressed.get(i).length);
            uncompressedAt += size;
            compressedAt += compressed.get(i).length;
        }
        return o.toByteArray();
    }

    private static void flush(Out block, List<Integer> commands, Out raws) {
        while (commands.size() < 8) {
            commands.add(0);
        }
        for (int c : commands) {
            block.raw(new byte[] {(byte) c});
        }
        block.raw(raws.toByteArray());
        commands.clear();
        raws.bytes.reset();
    }

    @ParameterizedTest
    @CsvSource({"BIG_ENDIAN, 0", "BIG_ENDIAN, 1", "BIG_ENDIAN, 2", "LITTLE_ENDIAN, 0", "LITTLE_ENDIAN, 1",
        "LITTLE_ENDIAN, 2"})
    void readsEveryByteOrderAndCompression(String byteOrder, int compression, @TempDir Path dir) throws Exception {
        ByteOrder order = byteOrder.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Path file = dir.resolve("synthetic." + (compression == 2 ? "zsav" : "sav"));
        Files.write(file, build(order, compression, 20));
        SavRowSource sav = new SavRowSource(file);
        assertThat(sav.encoding()).isEqualTo(GBK);
        assertThat(sav.header()).containsExactly("满意度得分", "STR1", "LONGSTR");
        assertThat(sav.variableLabels()).containsExactly(Map.entry("满意度得分", "满意"));
        assertThat(sav.valueLabels()).containsExactly(Map.entry("满意度得分", Map.of("1", "非常不同意")),
                Map.entry("LONGSTR", Map.of("label me", "标签")));
        assertThat(sav.userMissing()).containsExactly(Map.entry("满意度得分", List.of("LO THRU -90", "999")),
                Map.entry("STR1", List.of("x")), Map.entry("LONGSTR", List.of("NA")));
        List<String> rows = new ArrayList<>();
        sav.forEachRow((line, cells) -> rows.add(line + ":" + String.join("|", cells)));
        assertThat(rows).containsExactly("2:5|ab|中文字符ok", "3:||", "4:||label me", "5:|cd|", "6:2.5|ef|z");
        assertThat(sav.userMissingCounts()).containsOnly(Map.entry("满意度得分", Map.of("-95", 1L, "999", 1L)),
                Map.entry("STR1", Map.of("x", 1L)), Map.entry("LONGSTR", Map.of("NA", 1L)));
        if (compression == 0) {
            // no case count, no end code: a cut at a case boundary cannot be detected, and the reader says so
            assertThat(sav.warnings()).singleElement().asString().contains("does not say how many cases it holds");
        } else {
            assertThat(sav.warnings()).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 5", "0, 4", "1, 4"})
    void theExtendedCaseCountDetectsACutAtACaseBoundary(int compression, int keep, @TempDir Path dir) throws Exception {
        byte[] whole = build(ByteOrder.BIG_ENDIAN, compression, 20, false, true);
        Path file = dir.resolve("counted.sav");
        int caseBytes = compression == 0 ? 32 : 0;
        if (compression == 0) {
            Files.write(file, Arrays.copyOf(whole, whole.length - (5 - keep) * caseBytes));
        } else {
            Files.write(file, Arrays.copyOf(whole, whole.length - 8 - 8)); // without the last block and 252
        }
        SavRowSource sav = new SavRowSource(file);
        assertThat(sav.declaredCases()).isEqualTo(5);
        List<String> rows = new ArrayList<>();
        if (keep == 5) {
            sav.forEachRow((line, cells) -> rows.add(cells[1]));
            assertThat(rows).hasSize(5);
            assertThat(sav.warnings()).isEmpty();
        } else {
            assertThatThrownBy(() -> sav.forEachRow((line, cells) -> rows.add(cells[1])))
                    .isInstanceOf(DataFileException.class)
                    .hasMessageStartingWith("counted.sav case 5: ").hasMessageContaining("truncated");
        }
    }

    @Test
    void labelsOfValuesWiderThanTheirStringVariableAreIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("readstat.sav");
        Files.write(file, build(ByteOrder.LITTLE_ENDIAN, 1, 20, true, false));
        assertThat(new SavRowSource(file).valueLabels().get("STR1")).containsExactly(Map.entry("ab", "AB"));
    }

    @Test
    void textNotValidInTheFileEncodingIsReadWithAWarningNamingTheCase(@TempDir Path dir) throws Exception {
        byte[] bytes = build(ByteOrder.LITTLE_ENDIAN, 0, 20);
        // case 5's STR1 "ef": make it "e", 0x81 0x20 (a GBK lead byte without its trail), "f";
        // and cut a character at the end of case 1's LONGSTR, as SPSS does at a string's width
        int dataStart = bytes.length - 5 * 32;
        bytes[dataStart + 4 * 32 + 8 + 1] = (byte) 0x81;
        bytes[dataStart + 4 * 32 + 8 + 2] = ' ';
        bytes[dataStart + 4 * 32 + 8 + 3] = 'f';
        byte[] zhong = "中".getBytes(GBK);
        bytes[dataStart + 16 + 10] = zhong[0];
        bytes[dataStart + 16 + 11] = ' ';
        Path file = dir.resolve("invalid.sav");
        Files.write(file, bytes);
        SavRowSource sav = new SavRowSource(file);
        List<String> rows = new ArrayList<>();
        sav.forEachRow((line, cells) -> rows.add(String.join("|", cells)));
        assertThat(rows.get(0)).isEqualTo("5|ab|中文字符ok");
        assertThat(rows.get(4)).isEqualTo("2.5|e\uFFFD f|z");
        assertThat(sav.warnings()).hasSize(2).first().asString()
                .startsWith("invalid.sav case 5, variable STR1: the text is not valid GBK");
    }

    @Test
    void aBadLayoutCodeOrCompressionIsRefused(@TempDir Path dir) throws Exception {
        byte[] bytes = build(ByteOrder.LITTLE_ENDIAN, 1, 20);
        bytes[64] = 9;
        Path file = dir.resolve("layout.sav");
        Files.write(file, bytes);
        assertThatThrownBy(() -> new SavRowSource(file).header()).isInstanceOf(DataFileException.class)
                .hasMessageContaining("layout.sav byte offset 64: the layout code is 9");
        bytes = build(ByteOrder.LITTLE_ENDIAN, 1, 20);
        bytes[72] = 2; // zlib compression in a $FL2 file
        Files.write(file, bytes);
        assertThatThrownBy(() -> new SavRowSource(file).header()).isInstanceOf(DataFileException.class)
                .hasMessageContaining("byte offset 72: the compression code is 2");
    }

    @Test
    void aZlibBlockThatInflatesShortIsAnError(@TempDir Path dir) throws Exception {
        byte[] bytes = build(ByteOrder.BIG_ENDIAN, 2, 20);
        // the last table entry's uncompressed size (4 bytes before its compressed size): claim one more byte
        int sizeAt = bytes.length - 8;
        bytes[sizeAt + 3]++;
        Path file = dir.resolve("short.zsav");
        Files.write(file, bytes);
        assertThatThrownBy(() -> new SavRowSource(file).forEachRow((line, cells) -> { }))
                .isInstanceOf(DataFileException.class).hasMessageContaining("short.zsav byte offset")
                .hasMessageContaining("is corrupt: it inflates to");
    }
}
