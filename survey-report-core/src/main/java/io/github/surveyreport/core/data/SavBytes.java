package io.github.surveyreport.core.data;

/** A stream of the data bytes of an SPSS system file: the file itself, or its inflated zlib blocks. */
interface SavBytes {
    /** Reads up to {@code len} bytes, fewer only at the end of the data; 0 at the end. */
    int read(byte[] b, int off, int len);

    /** Where the next byte comes from, for messages: "byte offset 1234". */
    String where();
}
