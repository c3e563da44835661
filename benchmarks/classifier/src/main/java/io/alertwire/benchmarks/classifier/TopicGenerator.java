package io.alertwire.benchmarks.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Topic queries shaped like real media-monitoring alerts, written in the product's query language:
 * an entity (a person, organisation or place, in English or Korean) as a phrase, often with an
 * OR-group of news words or word families, NEAR/n, an exclusion, a title: or source:/lang: filter.
 * Seeded: the same seed gives the same topics.
 */
public final class TopicGenerator {

    private final Random random;
    private final List<String> people = Vocabulary.people();
    private final List<String> koreanPeople = Vocabulary.koreanPeople();
    private final List<String> organisations = Vocabulary.organisations();

    public TopicGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} queries. */
    public List<String> topics(int count) {
        List<String> topics = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            topics.add(next());
        }
        return topics;
    }

    /** One query; the shares of the shapes are what an alerting product's topic list tends to hold. */
    public String next() {
        int shape = random.nextInt(100);
        if (shape < 15) {
            return phrase(person());                                                  // "maria garcia"
        } else if (shape < 30) {
            return phrase(person()) + " " + anyOf(2, 4);                              // "x y" (resigns OR arrest*)
        } else if (shape < 40) {
            return phrase(person()) + " NEAR/" + (5 + random.nextInt(11)) + " " + anyOf(2, 3);
        } else if (shape < 50) {
            return phrase(organisation()) + " " + anyOf(1, 3) + " -" + pick(Vocabulary.EXCLUSIONS);
        } else if (shape < 58) {
            String place = pick(Vocabulary.PLACES);
            return "(" + phrase(organisation()) + " OR " + phrase(person()) + ") " + phrase(place);
        } else if (shape < 66) {
            return "title:" + phrase(random.nextBoolean() ? person() : organisation()) + " OR " + phrase(person())
                    + " ONEAR/3 " + pick(Vocabulary.NEWS_WORDS);
        } else if (shape < 72) {
            return phrase(organisation()) + " source:" + pick(Vocabulary.SOURCES);
        } else if (shape < 78) {
            return phrase(pick(Vocabulary.PLACES)) + " " + pick(Vocabulary.NEWS_PREFIXES) + " "
                    + pick(Vocabulary.NEWS_WORDS) + " lang:en";
        } else if (shape < 88) {
            return korean();
        }
        // bilingual: the same entity named in English or Korean
        return "(" + phrase(person()) + " OR " + pick(koreanPeople) + ") (" + pick(Vocabulary.NEWS_WORDS) + " OR "
                + pick(Vocabulary.KOREAN_NEWS_WORDS) + ")";
    }

    private String korean() {
        return switch (random.nextInt(4)) {
            case 0 -> pick(koreanPeople) + " (" + pick(Vocabulary.KOREAN_NEWS_WORDS) + " OR "
                    + pick(Vocabulary.KOREAN_NEWS_WORDS) + ")";
            case 1 -> pick(Vocabulary.KOREAN_ORGANISATIONS) + " " + pick(koreanPeople) + " -"
                    + pick(Vocabulary.EXCLUSIONS);
            case 2 -> pick(Vocabulary.KOREAN_PLACES) + " NEAR/5 " + pick(koreanPeople);
            default -> "title:" + pick(koreanPeople) + " " + pick(Vocabulary.KOREAN_NEWS_WORDS) + " lang:ko";
        };
    }

    /** "(w1 OR w2 …)" of news words and word families. */
    private String anyOf(int min, int max) {
        int n = min + random.nextInt(max - min + 1);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            words.add(random.nextInt(3) == 0 ? pick(Vocabulary.NEWS_PREFIXES) : pick(Vocabulary.NEWS_WORDS));
        }
        return n == 1 ? words.get(0) : "(" + String.join(" OR ", words) + ")";
    }

    private String person() {
        return pick(people);
    }

    private String organisation() {
        return pick(organisations);
    }

    private static String phrase(String words) {
        return words.indexOf(' ') < 0 ? words : "\"" + words + "\"";
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
