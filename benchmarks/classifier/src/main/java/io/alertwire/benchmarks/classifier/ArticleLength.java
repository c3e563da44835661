package io.alertwire.benchmarks.classifier;

import java.util.Random;

/**
 * How many words a generated article's body has, drawn at random. Two shapes: the long articles of
 * full-text extraction, and the feed items (title + summary) that make up nearly all of the real
 * stream.
 */
public enum ArticleLength {

    /** A body of 300–800 words, uniformly: a full article, as when full-text extraction is on. */
    LONG {
        @Override
        int bodyWords(Random random, boolean korean, int titleWords) {
            // the draw the long set was always made with, so it stays the same articles
            return 300 + random.nextInt(501);
        }
    },
    /**
     * Feed items: title and summary together as long as the items of {@code korea-dialogue-dev.jsonl}
     * (113 real items, 72 words on average). Drawn between neighbouring deciles (0 to 100 %) of its
     * Korean items (25, 43 words on average: Korean words are space-separated units that carry
     * their particles) or of the others (88, 80 words on average).
     */
    FEED {
        private static final int[] KOREAN = {20, 27, 32, 35, 43, 45, 50, 50, 54, 58, 61};
        private static final int[] OTHER = {28, 53, 62, 68, 76, 81, 86, 91, 98, 108, 141};
        private static final int MIN_BODY_WORDS = 5;

        @Override
        int bodyWords(Random random, boolean korean, int titleWords) {
            int[] deciles = korean ? KOREAN : OTHER;
            double at = random.nextDouble() * (deciles.length - 1);
            int below = (int) at;
            int above = Math.min(below + 1, deciles.length - 1);
            long words = Math.round(deciles[below] + (at - below) * (deciles[above] - deciles[below]));
            return Math.max(MIN_BODY_WORDS, (int) words - titleWords);
        }
    };

    /** The words of a body under a title of {@code titleWords} words. */
    abstract int bodyWords(Random random, boolean korean, int titleWords);
}
