package io.alertwire.fetch.fulltext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Extracts the main text of a news article page with jsoup. See the package documentation for the
 * steps and why.
 */
public final class ArticleText {

    /** Page furniture by element: never article text. Photo captions (figure) go with the photos. */
    private static final String FURNITURE_ELEMENTS = "script, style, noscript, template, iframe, object, embed, svg, "
            + "canvas, video, audio, form, button, input, select, textarea, nav, header, footer, aside, figure, "
            + "figcaption, dialog, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], "
            + "[role=dialog], [role=alert], [aria-hidden=true], [hidden]";

    /** Page furniture by class or id, as words of the name ("share-bar", "ad_slot", "cookieBanner"). */
    private static final Pattern FURNITURE_NAME = Pattern.compile("(?i)(^|[-_\\s])(share|sharing|social|related"
            + "|recommend(ed|ations)?|advert\\w*|ad|ads|adslot|ad-?unit|dfp|sponsor\\w*|promo\\w*|cookies?|consent|gdpr"
            + "|newsletter|subscribe|subscription|signup|paywall|comments?|breadcrumbs?|menu|sidebar|footer|header"
            + "|masthead|nav|navbar|navigation|popup|modal|banner|outbrain|taboola|tags|author-bio|read-?more"
            + "|more-stories|most-(read|popular)|trending|toolbar|caption)(?=$|[-_\\s])|cookie|advert|newsletter");

    /** The main text is the blocks of the chosen root, in document order. */
    private static final String BLOCKS = "p, h2, h3, h4, blockquote, pre, li";

    private ArticleText() {
    }

    /**
     * The article's text: its paragraphs separated by blank lines, furniture dropped; empty when the
     * page has no recognisable article.
     */
    public static String extract(String html, String baseUri) {
        Document page = Jsoup.parse(html, baseUri);
        Element body = page.body();
        body.select(FURNITURE_ELEMENTS).remove();
        int pageText = paragraphText(body);
        for (Element element : new ArrayList<>(body.getAllElements())) {
            if (element != body && element.parent() != null && !isContainer(element) && isFurnitureByName(element)
                    && !wrapsTheArticle(element, pageText)) {
                element.remove();
            }
        }
        Element root = mainRoot(body);
        List<String> paragraphs = new ArrayList<>();
        for (Element block : root.select(BLOCKS)) {
            if (hasBlockAncestorWithin(block, root) || isLinkList(block)) {
                continue;
            }
            String text = block.text().strip();
            if (!FurnitureLines.isFurniture(text) && !paragraphs.contains(text)) {
                paragraphs.add(text);
            }
        }
        return String.join("\n\n", paragraphs);
    }

    private static boolean isContainer(Element element) {
        String tag = element.normalName();
        return tag.equals("main") || tag.equals("article") || element.hasAttr("itemprop")
                && element.attr("itemprop").equalsIgnoreCase("articleBody");
    }

    /**
     * A furniture-sounding wrapper ({@code <div class="page has-sidebar">}) that holds the article
     * itself, or most of the page's paragraphs, is layout, not furniture.
     */
    private static boolean wrapsTheArticle(Element element, int pageText) {
        return element.selectFirst("article, main, [itemprop=articleBody]") != null
                || paragraphText(element) * 2 > pageText;
    }

    private static boolean isFurnitureByName(Element element) {
        String names = element.className() + " " + element.id();
        return !names.isBlank() && FURNITURE_NAME.matcher(names).find();
    }

    /**
     * The element that holds the article: the marked-up article body, article or main element with
     * the most paragraph text; else the element whose own paragraphs hold the most text.
     */
    private static Element mainRoot(Element body) {
        Element marked = body.select("[itemprop=articleBody], article, main, [role=main]").stream()
                .max(Comparator.comparingInt(ArticleText::paragraphText)).orElse(null);
        if (marked != null && paragraphText(marked) >= 200) {
            return marked;
        }
        Map<Element, Integer> byParent = new HashMap<>();
        for (Element paragraph : body.select("p")) {
            Element parent = paragraph.parent();
            if (parent != null) {
                byParent.merge(parent, paragraph.text().length(), Integer::sum);
            }
        }
        return byParent.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(marked != null ? marked : body);
    }

    private static int paragraphText(Element element) {
        return element.select("p").stream().mapToInt(p -> p.text().length()).sum();
    }

    /** A block inside another block (a p in a blockquote or li) is taken with its outer block. */
    private static boolean hasBlockAncestorWithin(Element block, Element root) {
        for (Element parent = block.parent(); parent != null && parent != root; parent = parent.parent()) {
            if (parent.is(BLOCKS)) {
                return true;
            }
        }
        return false;
    }

    /** A list item that is nothing but a link: a "related stories" or menu entry, not prose. */
    private static boolean isLinkList(Element block) {
        if (!block.normalName().equals("li")) {
            return false;
        }
        Elements links = block.select("a");
        int linked = links.stream().mapToInt(link -> link.text().length()).sum();
        return linked > 0 && linked >= block.text().length() * 0.8;
    }
}
