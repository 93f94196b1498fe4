package io.github.surveyreport.core.data;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The bytecode-compressed data of a {@code .zsav} file, inflated one zlib block at a time as
 * the ZLIB data header and trailer of PSPP's "System File Format" describe them: memory is one
 * block, whatever the number of cases.
 */
final class SavZlibBlocks implements SavBytes {
    /** Inflated bytes per block is at most this (SPSS and PSPP write 0x3FF000). */
    private static final int MAX_BLOCK = 1 << 26;

    private final SavInput in;
    private final long[] compressedOffset;
    private final int[] compressedSize;
    private final int[] uncompressedSize;
    private final Inflater inflater = new Inflater();
    private byte[] block = new byte[0];
    private int blockPos;
    private int next;
    private long blockFileOffset = -1;

    /** Reads the ZLIB data header at the input's position and the trailer it points to. */
    SavZlibBlocks(SavInput in, double bias) {
        this.in = in;
        long headerAt = in.position();
        long zheaderOfs = in.int64("the ZLIB data header");
        long ztrailerOfs = in.int64("the ZLIB data header");
        long ztrailerLen = in.int64("the ZLIB data header");
        if (zheaderOfs != headerAt) {
            throw in.fail(headerAt, "the ZLIB data header says it is at byte offset " + zheaderOfs
                    + ": the .zsav file is corrupt; save it again from SPSS or PSPP");
        }
        if (ztrailerOfs < headerAt + 24 || ztrailerLen < 24 || ztrailerLen % 24 != 0
                || ztrailerOfs > in.size() || ztrailerLen > in.size() - ztrailerOfs) {
            throw in.fail(headerAt, "the ZLIB data header points at a trailer at byte offset " + ztrailerOfs + " of "
                    + ztrailerLen + " bytes, outside the file's " + in.size() + " bytes: the .zsav file is truncated "
                    + "or corrupt; copy or save it again");
        }
        in.seek(ztrailerOfs);
        long intBias = in.int64("the ZLIB data trailer");
        long zero = in.int64("the ZLIB data trailer");
        int blockSize = in.int32("the ZLIB data trailer");
        int blocks = in.int32("the ZLIB data trailer");
        if (intBias != -Math.round(bias) || zero != 0 || blockSize <= 0 || blockSize > MAX_BLOCK
                || blocks < 0 || 24 + 24L * blocks != ztrailerLen) {
            throw in.fail(ztrailerOfs, "the ZLIB data trailer is inconsistent (bias " + intBias + ", block size "
                    + blockSize + ", " + blocks + " blocks in " + ztrailerLen + " bytes): the .zsav file is corrupt; "
                    + "save it again from SPSS or PSPP");
        }
        compressedOffset = new long[blocks];
        compressedSize = new int[blocks];
        uncompressedSize = new int[blocks];
        long expectUncompressed = headerAt;
        long expectCompressed = headerAt + 24;
        for (int i = 0; i < blocks; i++) {
            long entryAt = in.position();
            long uOfs = in.int64("the ZLIB block table");
            long cOfs = in.int64("the ZLIB block table");
            int uSize = in.int32("the ZLIB block table");
            int cSize = in.int32("the ZLIB block table");
            if (uOfs != expectUncompressed || cOfs != expectCompressed || uSize < 0 || uSize > blockSize
                    || cSize <= 0 || cSize > ztrailerOfs - cOfs) {
                throw in.fail(entryAt, "entry " + (i + 1) + " of the ZLIB block table (block at byte offset " + cOfs
                        + ", " + cSize + " bytes, " + uSize + " inflated) does not fit the file: the .zsav file is "
                        + "truncated or corrupt; copy or save it again");
            }
            compressedOffset[i] = cOfs;
            compressedSize[i] = cSize;
            uncompressedSize[i] = uSize;
            expectUncompressed += uSize;
            expectCompressed += cSize;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) {
        int total = 0;
        while (total < len) {
            if (blockPos == block.length) {
                if (next == compressedOffset.length) {
                    break;
                }
                inflateNext();
                continue;
            }
            int k = Math.min(len - total, block.length - blockPos);
            System.arraycopy(block, blockPos, b, off + total, k);
            blockPos += k;
            total += k;
        }
        return total;
    }

    private void inflateNext() {
        int i = next++;
        blockFileOffset = compressedOffset[i];
        in.seek(compressedOffset[i]);
        byte[] compressed = in.bytes(compressedSize[i], "zlib block " + (i + 1));
        if (block.length != uncompressedSize[i]) {
            block = new byte[uncompressedSize[i]];
        }
        blockPos = 0;
        inflater.reset();
        inflater.setInput(compressed);
        String problem = null;
        try {
            int n = 0;
            while (n < block.length && !inflater.finished() && !inflater.needsInput()) {
                n += inflater.inflate(block, n, block.length - n);
            }
            if (n != block.length || !inflater.finished()) {
                problem = "it inflates to " + (inflater.finished() ? n : "at least " + n) + " bytes, not the "
                        + block.length + " its table entry gives";
            }
        } catch (DataFormatException e) {
            problem = "it is not valid zlib data (" + e.getMessage() + ")";
        }
        if (problem != null) {
            throw in.fail(compressedOffset[i], "zlib block " + (i + 1) + " of " + compressedOffset.length + " is corrupt: "
                    + problem + ". The .zsav file is damaged; copy or save it again from SPSS or PSPP");
        }
    }

    @Override
    public String where() {
        return "byte " + blockPos + " of the inflated zlib block " + next + " at byte offset " + blockFileOffset;
    }

    void end() {
        inflater.end();
    }
}
