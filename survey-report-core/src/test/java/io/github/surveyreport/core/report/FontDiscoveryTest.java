package io.github.surveyreport.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FontDiscoveryTest {

    @Test
    void findsTrueTypeFontsByFileNameAndSkipsCffOpenType(@TempDir Path dir) throws IOException {
        Path sub = Files.createDirectories(dir.resolve("truetype/wqy"));
        // a collection whose first face has TrueType outlines
        Files.write(sub.resolve("wqy-microhei.ttc"), new byte[] {
                't', 't', 'c', 'f', 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 16, 0, 1, 0, 0});
        // CFF outlines under a preferred name: skipped
        Files.write(dir.resolve("msyh.ttf"), new byte[] {'O', 'T', 'T', 'O', 0, 0, 0, 0, 0, 0, 0, 0});
        Files.write(dir.resolve("DejaVuSerif.ttf"), new byte[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        Files.write(dir.resolve("DejaVuSerif-Bold.ttf"), new byte[] {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});

        FontDiscovery.Found found = FontDiscovery.discover(List.of(dir));
        assertThat(found.cjk()).isNotNull();
        assertThat(found.cjk().file().getFileName().toString()).isEqualTo("wqy-microhei.ttc");
        assertThat(found.cjk().openPdfPath()).endsWith("wqy-microhei.ttc,0");
        assertThat(found.serif()).extracting(f -> f.file().getFileName().toString())
                .containsExactly("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf");
    }

    @Test
    void nothingFoundInAnEmptyDirectory(@TempDir Path dir) {
        FontDiscovery.Found found = FontDiscovery.discover(List.of(dir));
        assertThat(found.cjk()).isNull();
        assertThat(found.serif()).isEmpty();
    }

    @Test
    void theSystemCjkFontIsTrueType() {
        FontDiscovery.Found found = FontDiscovery.discover();
        assumeTrue(found.cjk() != null, "no CJK font installed");
        assertThat(FontDiscovery.isTrueType(found.cjk().file())).isTrue();
    }

    @Test
    void detectsTextThatNeedsACjkFont() {
        assertThat(FontDiscovery.needsCjk("Agreeableness β = .173")).isFalse();
        assertThat(FontDiscovery.needsCjk("产品优势")).isTrue();
        assertThat(FontDiscovery.needsCjk("ｱ")).isTrue();
        assertThat(FontDiscovery.needsCjk(null)).isFalse();
    }
}
