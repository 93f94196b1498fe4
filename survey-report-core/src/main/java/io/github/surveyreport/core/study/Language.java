package io.github.surveyreport.core.study;

import java.util.Locale;

/** The language reports are written in. */
public enum Language {
    /** English, APA 7 conventions. */
    EN,
    /** Simplified Chinese, following Chinese journal practice. */
    ZH;

    /** The study-file spelling: {@code en} or {@code zh}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
