/**
 * The topic query language: a hand-written tokenizer and recursive-descent parser that turn a
 * query string into an AST ({@link io.alertwire.classifier.query.QueryNode}), and a compiler that
 * turns the AST into a Lucene {@link org.apache.lucene.search.Query} over the analysed article.
 *
 * <h2>Grammar</h2>
 *
 * <pre>
 * query   := or EOF
 * or      := and ( "OR" and )*
 * and     := near ( ["AND"] near )*          juxtaposition is AND
 * near    := unary ( "NEAR/n" unary )*       both within n words, either order
 * unary   := "NOT" unary | "-" primary | primary
 * primary := word | word* | "phrase" | "(" or ")"
 * </pre>
 *
 * <h2>Choices</h2>
 *
 * <ul>
 *   <li><b>Operators are upper-case keywords.</b> {@code OR}, {@code AND}, {@code NOT} and
 *       {@code NEAR/n} are operators only when written in capitals; {@code or}, {@code and},
 *       {@code not} and {@code near} are ordinary words. News text is full of those words, and a
 *       user searching for {@code "rock or roll"}-like headlines should not be surprised by logic.
 *       Everything else is case-insensitive, because words are analysed (lower-cased, folded).</li>
 *   <li><b>{@code -} is NOT only at the start of a term</b> ({@code -kpop}); inside a word it is
 *       part of the word ({@code inter-korean} is analysed into the phrase "inter korean").</li>
 *   <li><b>Every conjunction needs a positive term</b>: {@code NOT kpop} alone, {@code -a -b} or
 *       {@code a OR NOT b} are refused, because a stored query that matches "everything except"
 *       would alert on the whole news stream.</li>
 *   <li><b>Words go through the article analyser</b>, so a query word matches the same forms the
 *       article index holds ({@code talks} matches "talk"); a word that analyses to several tokens
 *       becomes a phrase.</li>
 *   <li>Errors are {@link io.alertwire.classifier.query.QuerySyntaxException} with a 0-based
 *       character position, so the API can point at the mistake.</li>
 * </ul>
 *
 * <p>Extending the language (field filters like {@code title:}, {@code lang:}) means a new token or
 * primary in {@link io.alertwire.classifier.query.QueryParser}, a new node in
 * {@link io.alertwire.classifier.query.QueryNode}, and a case in
 * {@link io.alertwire.classifier.query.QueryCompiler}.
 */
package io.alertwire.classifier.query;
