/**
 * Reading text and XML from strangers.
 *
 * <p>Everything the service parses (feeds, sitemaps, OPML uploads) comes from outside, so the two
 * rules live here once: {@link io.alertwire.fetch.xml.DecodedText} turns bytes into text without
 * ever losing a document to a wrong declared charset, and {@link io.alertwire.fetch.xml.SafeXml}
 * makes StAX readers that refuse any DOCTYPE (so no external entity and no entity expansion can be
 * declared) and describe parse errors without parser class names.
 */
package io.alertwire.fetch.xml;
