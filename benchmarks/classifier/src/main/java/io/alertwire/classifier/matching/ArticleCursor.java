package io.alertwire.classifier.matching;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Each benchmark thread walks the articles round-robin, from its own random starting point. */
@State(Scope.Thread)
public class ArticleCursor {

    private int next = ThreadLocalRandom.current().nextInt(1 << 20);

    ArticleText next(List<ArticleText> articles) {
        next = (next + 1) & Integer.MAX_VALUE;
        return articles.get(next % articles.size());
    }
}
