/**
 * Language detection: an article whose feed declares no language gets one guessed from its title,
 * summary and content (the first 2,000 characters; fewer than 20 letters leave it unknown), with
 * Apache OpenNLP's language detector and its 103-language model, mapped to ISO 639-1. Accuracy and
 * cost measured on the shared corpus are in docs/feeds.md.
 */
package io.alertwire.fetch.language;
