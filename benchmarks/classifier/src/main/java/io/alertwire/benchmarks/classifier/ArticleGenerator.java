package io.alertwire.benchmarks.classifier;

import io.alertwire.classifier.matching.ArticleText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic news articles from the same vocabularies as the topics, as long as {@link ArticleLength}
 * says (full articles of 300–800 words, or feed items of about 70): each has a small cast (people,
 * organisations, places, news words) mentioned several times among common words, so some topics
 * match each article and most do not, as with real news. One in five is Korean. Seeded: the same
 * seed gives the same articles.
 */
public final class ArticleGenerator {

    private final Random random;
    private final ArticleLength length;
    private final List<String> people = Vocabulary.people();
    private final List<String> koreanPeople = Vocabulary.koreanPeople();
    private final List<String> organisations = Vocabulary.organisations();

    public ArticleGenerator(long seed, ArticleLength length) {
        this.random = new Random(seed);
        this.length = length;
    }

    public List<ArticleText> articles(int count) {
        List<ArticleText> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            articles.add(random.nextInt(5) == 0 ? korean() : english());
        }
        return articles;
    }

    private ArticleText english() {
        List<String> cast = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cast.add(pick(people));
        }
        for (int i = 0; i < 2; i++) {
            cast.add(pick(organisations));
            cast.add(pick(Vocabulary.PLACES));
        }
        for (int i = 0; i < 3; i++) {
            cast.add(pick(Vocabulary.NEWS_WORDS));
            cast.add(inflected(pick(Vocabulary.NEWS_PREFIXES)));
        }
        String title = capitalise(cast.get(0)) + " " + cast.get(7) + " in " + capitalise(cast.get(4));
        StringBuilder body = new StringBuilder();
        int words = bodyWords(false, title);
        int sentence = 0;
        for (int written = 0; written < words; written++) {
            String word = random.nextInt(6) == 0 ? pick(cast) : pick(Vocabulary.FILLER);
            body.append(sentence == 0 ? capitalise(word) : word);
            written += word.split(" ").length - 1;
            if (++sentence > 8 + random.nextInt(14)) {
                body.append(random.nextInt(5) == 0 ? ".\n\n" : ". ");
                sentence = 0;
            } else {
                body.append(' ');
            }
        }
        String source = pick(Vocabulary.SOURCES);
        return new ArticleText(title, body.toString().strip() + ".", "en", "https://www." + source + "/news/"
                + random.nextInt(1_000_000), source);
    }

    private ArticleText korean() {
        List<String> cast = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cast.add(pick(koreanPeople));
            cast.add(pick(Vocabulary.KOREAN_NEWS_WORDS));
        }
        for (int i = 0; i < 2; i++) {
            cast.add(pick(Vocabulary.KOREAN_ORGANISATIONS));
            cast.add(pick(Vocabulary.KOREAN_PLACES));
        }
        String title = cast.get(0) + pick(Vocabulary.KOREAN_PARTICLES) + " " + cast.get(1) + " " + cast.get(7);
        StringBuilder body = new StringBuilder();
        int words = bodyWords(true, title);
        int sentence = 0;
        for (int written = 0; written < words; written++) {
            if (random.nextInt(4) == 0) {
                body.append(pick(cast)).append(pick(Vocabulary.KOREAN_PARTICLES));
            } else {
                body.append(pick(Vocabulary.KOREAN_FILLER));
            }
            if (++sentence > 6 + random.nextInt(8)) {
                body.append(random.nextInt(5) == 0 ? ".\n\n" : ". ");
                sentence = 0;
            } else {
                body.append(' ');
            }
        }
        return new ArticleText(title, body.toString().strip(), "ko", "https://www.yna.co.kr/view/"
                + random.nextInt(1_000_000), "Yonhap");
    }

    private int bodyWords(boolean korean, String title) {
        return length.bodyWords(random, korean, title.split(" ").length);
    }

    /** A word of the family a prefix stands for: "resign*" → "resigned", "resigning", … */
    private String inflected(String prefix) {
        String stem = prefix.substring(0, prefix.length() - 1);
        return stem + List.of("ed", "ing", "ion", "s", "ment").get(random.nextInt(5));
    }

    private static String capitalise(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
