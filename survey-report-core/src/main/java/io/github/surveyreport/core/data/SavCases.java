package io.github.surveyreport.core.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The cases of an SPSS system file's data record, one at a time, as 8-byte elements: copied
 * as they are (no compression), or decoded from the bytecode compression (also inside the
 * zlib blocks of a {@code .zsav}). A numeric element decoded from a compression code is
 * written as a flt64 in the file's byte order, so that all cases look uncompressed.
 */
final class SavCases {
    /** Makes the exception for a problem in a case. */
    interface Problem {
        DataFileException at(long caseNumber, String problem);
    }

    private static final byte[] SPACES = "        ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final SavDictionary d;
    private final SavBytes data;
    private final Problem problem;
    private final byte[] buffer;
    private final ByteBuffer values;
    private final byte[] commands = new byte[8];
    private int command = 8;
    private boolean ended;
    private boolean endCode;

    SavCases(SavDictionary d, SavBytes data, ByteOrder order, Problem problem) {
        this.d = d;
        this.data = data;
        this.problem = problem;
        this.buffer = new byte[d.caseElements * 8];
        this.values = ByteBuffer.wrap(buffer).order(order);
    }

    /** The case's bytes, refilled by {@link #next}. */
    byte[] buffer() {
        return buffer;
    }

    /** Reads the next case; false at the end of the data. */
    boolean next(long caseNumber) {
        if (ended) {
            return false;
        }
        if (d.compression == 0) {
            int n = data.read(buffer, 0, buffer.length);
            if (n == 0) {
                return false;
            }
            if (n < buffer.length) {
                throw problem.at(caseNumber, "the data end after " + n + " of the case's " + buffer.length
                        + " bytes (" + data.where() + "): the file is truncated; copy or export it again");
            }
            return true;
        }
        for (int e = 0; e < d.caseElements; e++) {
            while (true) {
                if (command == 8) {
                    int n = data.read(commands, 0, 8);
                    if (n == 0 && e == 0) {
                        ended = true;
                        return false;
                    }
                    if (n < 8) {
                        throw truncated(caseNumber, e);
                    }
                    command = 0;
                }
                int code = commands[command++] & 0xff;
                if (code == 0) {
                    continue;
                }
                if (code == 252) {
                    if (e == 0) {
                        ended = true;
                        endCode = true;
                        return false;
                    }
                    throw problem.at(caseNumber, "the data end (code 252) in the middle of the case, at variable element "
                            + (e + 1) + " of " + d.caseElements + " (" + data.where() + "): the file is truncated or "
                            + "corrupt; export it again");
                }
                int at = e * 8;
                if (code == 253) {
                    if (data.read(buffer, at, 8) < 8) {
                        throw truncated(caseNumber, e);
                    }
                } else if (code == 254) {
                    System.arraycopy(SPACES, 0, buffer, at, 8);
                } else if (code == 255) {
                    if (d.elementIsString[e]) {
                        System.arraycopy(SPACES, 0, buffer, at, 8);
                    } else {
                        values.putDouble(at, d.sysmis);
                    }
                } else if (d.elementIsString[e]) {
                    Arrays.fill(buffer, at, at + 8, (byte) 0);
                } else {
                    values.putDouble(at, code - d.bias);
                }
                break;
            }
        }
        return true;
    }

    /** Whether the bytecode data ended with the end-of-data code 252, which proves the file is complete. */
    boolean endCode() {
        return endCode;
    }

    private DataFileException truncated(long caseNumber, int element) {
        return problem.at(caseNumber, "the data end at variable element " + (element + 1) + " of " + d.caseElements
                + " (" + data.where() + "): the file is truncated; copy or export it again from its source");
    }
}
