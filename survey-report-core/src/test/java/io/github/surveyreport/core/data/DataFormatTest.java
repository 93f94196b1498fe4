package io.github.surveyreport.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.surveyreport.core.study.DataSpec;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The study file's {@code data.format} values and the readers' formats are one list. */
class DataFormatTest {
    @Test
    void theStudyFileNamesEveryFormatAReaderHas() {
        assertThat(DataSpec.FORMATS).containsExactlyElementsOf(Arrays.stream(DataFormat.values())
                .map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
    }
}
