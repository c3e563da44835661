package io.alertwire.classifier.story;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A MinHash signature of a shingle set, cut into LSH bands (design in {@code package-info.java}).
 *
 * @param values the minimum of each of {@link #HASHES} hash functions over the shingles
 * @param shingles how many distinct shingles the set has, to turn estimated Jaccard similarity
 *     into overlap of the smaller set
 */
record MinHash(long[] values, int shingles) {

    /** Hash functions per signature. */
    static final int HASHES = 128;
    /** Rows per LSH band: two signatures whose values agree on a whole band are candidates. */
    static final int ROWS = 2;
    /** Bands per signature. */
    static final int BANDS = HASHES / ROWS;

    private static final long[] SEEDS = seeds();

    MinHash {
        if (values.length != HASHES) {
            throw new IllegalArgumentException("a signature has " + HASHES + " values, not " + values.length);
        }
    }

    static MinHash of(long[] shingles) {
        long[] mins = new long[HASHES];
        Arrays.fill(mins, Long.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < HASHES; i++) {
                long h = mix(shingle ^ SEEDS[i]);
                if (h < mins[i]) {
                    mins[i] = h;
                }
            }
        }
        return new MinHash(mins, shingles.length);
    }

    /** Estimated Jaccard similarity: the share of hash functions whose minimum agrees. */
    double jaccard(MinHash other) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (values[i] == other.values[i]) {
                same++;
            }
        }
        return (double) same / HASHES;
    }

    /**
     * Estimated share of the smaller set's shingles that the other set has too: 1 for a trimmed
     * copy, whatever was cut. From Jaccard {@code J} and the set sizes, the intersection is
     * {@code J (|A| + |B|) / (1 + J)}.
     */
    double overlap(MinHash other) {
        double j = jaccard(other);
        double intersection = j * (shingles + other.shingles) / (1 + j);
        return Math.min(1.0, intersection / Math.max(1, Math.min(shingles, other.shingles)));
    }

    /** One key per band: the band's number and values hashed together; also the lock key. */
    long[] bandKeys() {
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long h = mix(band + 0x9e3779b97f4a7c15L);
            for (int row = 0; row < ROWS; row++) {
                h = mix(h ^ values[band * ROWS + row]);
            }
            keys[band] = h;
        }
        return keys;
    }

    byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(HASHES * Long.BYTES);
        for (long value : values) {
            buffer.putLong(value);
        }
        return buffer.array();
    }

    static MinHash fromBytes(byte[] bytes, int shingles) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long[] values = new long[HASHES];
        for (int i = 0; i < HASHES; i++) {
            values[i] = buffer.getLong();
        }
        return new MinHash(values, shingles);
    }

    /** SplitMix64's finaliser: a cheap, well-spread 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Fixed seeds, so that every replica and every restart computes the same signatures. */
    private static long[] seeds() {
        long[] seeds = new long[HASHES];
        long state = 0x5eed_a1e7_3141_5926L;
        for (int i = 0; i < HASHES; i++) {
            state += 0x9e3779b97f4a7c15L;
            seeds[i] = mix(state);
        }
        return seeds;
    }
}
