package io.alertwire.fetch.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a feed says it is pushed from (WebSub discovery): its hubs ({@code rel="hub"}) and its
 * canonical topic URL ({@code rel="self"}), from HTTP {@code Link} headers or from the document
 * ({@code atom:link} in Atom, RSS and RDF; {@code hubs} in JSON Feed).
 *
 * @param hubs hub URLs as written, in order of appearance (possibly relative)
 * @param self the topic URL, or null when the feed names none
 */
public record HubLinks(List<String> hubs, String self) {

    public static final HubLinks NONE = new HubLinks(List.of(), null);

    /** One {@code <uri>; params} element of a Link header; params are matched loosely below. */
    private static final Pattern LINK = Pattern.compile("<([^>]*)>([^<]*)");
    private static final Pattern REL = Pattern.compile("(?i)(?:^|;)\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^;,\\s]+))");

    public HubLinks {
        hubs = List.copyOf(hubs);
    }

    /** The links of HTTP {@code Link} headers (RFC 8288), e.g. {@code <https://hub>; rel="hub"}. */
    public static HubLinks fromLinkHeaders(List<String> values) {
        List<String> hubs = new ArrayList<>();
        String self = null;
        for (String value : values) {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                String target = link.group(1).strip();
                Matcher rel = REL.matcher(link.group(2));
                if (target.isEmpty() || !rel.find()) {
                    continue;
                }
                String rels = (rel.group(1) != null ? rel.group(1) : rel.group(2)).toLowerCase(Locale.ROOT);
                for (String one : rels.split("\\s+")) {
                    if (one.equals("hub")) {
                        hubs.add(target);
                    } else if (one.equals("self") && self == null) {
                        self = target;
                    }
                }
            }
        }
        return new HubLinks(hubs, self);
    }

    /** These links, with {@code fallback}'s filling what these lack (headers first, then the document). */
    public HubLinks or(HubLinks fallback) {
        List<String> all = new ArrayList<>(hubs);
        fallback.hubs.stream().filter(hub -> !all.contains(hub)).forEach(all::add);
        return new HubLinks(all, self != null ? self : fallback.self);
    }
}
