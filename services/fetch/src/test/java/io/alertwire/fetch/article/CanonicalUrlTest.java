package io.alertwire.fetch.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CanonicalUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HTTPS://News.Example.COM/a/B?x=1                         | https://news.example.com/a/B?x=1",
        "https://example.com:443/a                                 | https://example.com/a",
        "http://example.com:80/a                                   | http://example.com/a",
        "http://example.com:8080/a                                 | http://example.com:8080/a",
        "https://example.com:80/a                                  | https://example.com:80/a",
        "https://example.com/a#section-2                           | https://example.com/a",
        "https://example.com                                       | https://example.com/",
        "https://example.com/a?utm_source=rss&id=7&UTM_Medium=x    | https://example.com/a?id=7",
        "https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4  | https://example.com/a",
        "https://example.com/a?ref_src=twsrc&b=2&&c               | https://example.com/a?b=2&c",
        "https://example.com/a%20b?q=%C3%A9                        | https://example.com/a%20b?q=%C3%A9",
        "https://user:pw@example.com/a                             | https://example.com/a",
        "https://example.com/a b                                   | https://example.com/a%20b",
        "https://example.com/a?utm_campaign=x&page=2               | https://example.com/a?page=2",
        "https://example.com/기사/1                                 | https://example.com/%EA%B8%B0%EC%82%AC/1",
        "https://example.com/%ea%b8%b0%ec%82%ac/1                  | https://example.com/%EA%B8%B0%EC%82%AC/1",
        "https://통일부.kr/news?q=회담                              | https://xn--or3bp6pkqi.kr/news?q=%ED%9A%8C%EB%8B%B4",
    })
    void canonicalisesUrls(String url, String canonical) {
        assertEquals(Optional.of(canonical), CanonicalUrl.of(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/relative/path", "ftp://example.com/file", "mailto:a@example.com",
        "tag:example.com,2026:1", "https://", "not a url at all"})
    void refusesWhatIsNotAnAbsoluteWebUrl(String url) {
        assertTrue(CanonicalUrl.of(url).isEmpty(), url);
    }

    @Test
    void articleIdIsLowercaseHexSha256OfTheCanonicalUrl() {
        // sha256("https://example.com/") computed independently (sha256sum)
        assertEquals("0f115db062b7c0dd030b16878c99dea5c354b49dc37b38eb8846179c7783e9d7",
                CanonicalUrl.articleId("https://example.com/"));
    }
}
