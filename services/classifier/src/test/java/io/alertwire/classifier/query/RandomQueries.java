package io.alertwire.classifier.query;

import java.util.List;
import java.util.Random;

/** Random strings shaped like queries: operators, quotes, parentheses, fields, Korean and Latin. */
public final class RandomQueries {

    /** The longest query the API accepts. */
    public static final int MAX_LENGTH = 4000;

    private static final List<String> PIECES = List.of(
            "talks", "Dialogue", "north", "korea's", "u.s.", "inter-korean", "북한", "남북회담", "북한이", "통일부",
            "北", "会谈", "café", "OR", "AND", "NOT", "or", "-", "--", "(", ")", "((", "))", "\"", "\"\"",
            "NEAR/3", "ONEAR/2", "NEAR/0", "NEAR/", "ONEAR/999", "NEAR/x", "*", "**", ":", "::", "/", "\\",
            "title:", "TITLE:", "source:", "lang:", "lang:ko", "lang:x", "source:yna.co.kr", "source:http://a/b",
            "title:\"", "negotiat*", "남북*", "a*", "ne*", "남*", "'", ".", "...", "!", "?", "\t", "\n", "가",
            "z", "0", "42", "\u0000", "\uD83D\uDE00", "\u200B", "ß", "İ", "ﾃｽﾄ", "-(", "title:a*", "source:*");

    private final Random random;

    public RandomQueries(long seed) {
        this.random = new Random(seed);
    }

    /** One random query: a few pieces, sometimes long, sometimes random code points. */
    public String next() {
        StringBuilder query = new StringBuilder();
        int pieces = random.nextInt(20) < 1 ? 200 + random.nextInt(1500) : 1 + random.nextInt(12);
        for (int i = 0; i < pieces && query.length() < MAX_LENGTH; i++) {
            if (random.nextInt(10) == 0) {
                query.appendCodePoint(randomCodePoint());
            } else {
                query.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            if (random.nextInt(3) > 0) {
                query.append(' ');
            }
        }
        String text = query.length() > MAX_LENGTH ? query.substring(0, MAX_LENGTH) : query.toString();
        // never cut a surrogate pair in half: the API would receive a broken string
        return Character.isHighSurrogate(text.charAt(text.length() - 1)) ? text.substring(0, text.length() - 1)
                : text;
    }

    private int randomCodePoint() {
        return switch (random.nextInt(4)) {
            case 0 -> 0xAC00 + random.nextInt(11172);  // Hangul syllables
            case 1 -> 0x4E00 + random.nextInt(20000);  // Han
            case 2 -> 0x21 + random.nextInt(0x5E);     // printable ASCII
            default -> 0x100 + random.nextInt(0x2000); // Latin extended, Greek, Cyrillic, ...
        };
    }
}
