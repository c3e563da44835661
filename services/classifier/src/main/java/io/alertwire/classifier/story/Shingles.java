package io.alertwire.classifier.story;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The shingles of an article's normalised title and text, as 64-bit hashes.
 *
 * <p>Text in a script written with spaces between words (Latin, Cyrillic, Arabic, …) gives word
 * 3-grams. Hangul gives character 4-grams of the words with single spaces between them: Korean
 * glues particles and endings to words ({@code 북한은}, {@code 북한이}), so a rewritten copy changes
 * whole words where it changes only a letter or two. Han, Kana, Thai and the other scripts written
 * without spaces give character 3-grams.
 */
final class Shingles {

    private static final int WORDS = 3;
    private static final int HANGUL_CHARS = 4;
    private static final int UNSPACED_CHARS = 3;

    private Shingles() {
    }

    /** The distinct shingle hashes of {@code title} and {@code text}, sorted; empty for no words. */
    static long[] of(String title, String text) {
        List<String> words = words(nullToEmpty(title) + "\n" + nullToEmpty(text));
        if (words.isEmpty()) {
            return new long[0];
        }
        String joined = String.join(" ", words);
        long[] hashes = switch (script(joined)) {
            case HANGUL -> characterShingles(joined, HANGUL_CHARS);
            case UNSPACED -> characterShingles(joined.replace(" ", ""), UNSPACED_CHARS);
            case SPACED -> wordShingles(words);
        };
        return Arrays.stream(hashes).distinct().sorted().toArray();
    }

    private enum Script { SPACED, HANGUL, UNSPACED }

    /** Lower-cased, NFKC-folded runs of letters and digits; punctuation and spacing are dropped. */
    static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            boolean part = Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK;
            if (part) {
                word.appendCodePoint(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** The script most letters are in, as far as shingling cares. */
    private static Script script(String text) {
        int hangul = 0;
        int unspaced = 0;
        int other = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                continue;
            }
            switch (Character.UnicodeScript.of(c)) {
                case HANGUL -> hangul++;
                case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, TIBETAN -> unspaced++;
                default -> other++;
            }
        }
        if (hangul >= unspaced && hangul >= other && hangul > 0) {
            return Script.HANGUL;
        }
        return unspaced > other ? Script.UNSPACED : Script.SPACED;
    }

    private static long[] wordShingles(List<String> words) {
        if (words.size() <= WORDS) {
            return new long[] {hash(String.join(" ", words))};
        }
        long[] hashes = new long[words.size() - WORDS + 1];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = hash(String.join(" ", words.subList(i, i + WORDS)));
        }
        return hashes;
    }

    private static long[] characterShingles(String text, int length) {
        int[] chars = text.codePoints().toArray();
        if (chars.length <= length) {
            return new long[] {hash(text)};
        }
        long[] hashes = new long[chars.length - length + 1];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = hash(new String(chars, i, length));
        }
        return hashes;
    }

    /** 64-bit FNV-1a over the UTF-16 units, then a final mix so that similar strings spread. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return MinHash.mix(h);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
