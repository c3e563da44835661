package io.alertwire.classifier.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.monitor.HighlightsMatch;

/** The words a topic matched, cut out of the article's original text from the match offsets. */
final class Highlights {

    private Highlights() {
    }

    /**
     * The distinct words (or phrases) at {@code hits}, case-insensitively distinct, at most
     * {@code max}, in text order: the text field's first, then the title's (the text field holds the
     * title too, so the same words come first from it).
     *
     * @param hits field → where the query matched in it
     * @param sources field → the text it was analysed from; hits in other fields are ignored
     */
    static List<String> cut(Map<String, ? extends Collection<HighlightsMatch.Hit>> hits, Map<String, String> sources,
            String textField, int max) {
        record Cut(int field, int start, String words) {
        }
        List<Cut> cuts = new ArrayList<>();
        for (Map.Entry<String, ? extends Collection<HighlightsMatch.Hit>> fieldHits : hits.entrySet()) {
            String source = sources.get(fieldHits.getKey());
            if (source == null) {
                continue;
            }
            int fieldOrder = textField.equals(fieldHits.getKey()) ? 0 : 1;
            for (HighlightsMatch.Hit hit : fieldHits.getValue()) {
                if (hit.startOffset >= 0 && hit.endOffset <= source.length() && hit.startOffset < hit.endOffset) {
                    cuts.add(new Cut(fieldOrder, hit.startOffset,
                            source.substring(hit.startOffset, hit.endOffset).replaceAll("\\s+", " ")));
                }
            }
        }
        cuts.sort(Comparator.comparingInt(Cut::field).thenComparingInt(Cut::start));
        Map<String, String> distinct = new LinkedHashMap<>();
        for (Cut cut : cuts) {
            distinct.putIfAbsent(cut.words().toLowerCase(Locale.ROOT), cut.words());
            if (distinct.size() >= max) {
                break;
            }
        }
        return List.copyOf(distinct.values());
    }
}
