/**
 * The topic query language: a hand-written tokenizer and recursive-descent parser that turn a
 * query string into an AST ({@link io.alertwire.classifier.query.QueryNode}), whole-query checks
 * ({@link io.alertwire.classifier.query.QueryChecks}), and a compiler that turns the AST into a
 * Lucene {@link org.apache.lucene.search.Query} over the article fields. User documentation:
 * {@code docs/query-language.md}.
 *
 * <h2>Grammar</h2>
 *
 * <pre>
 * query   := or EOF
 * or      := and ( "OR" and )*
 * and     := near ( ["AND"] near )*                     juxtaposition is AND
 * near    := unary ( "NEAR/n" unary )*                  within n words, either order
 *          | unary ( "ONEAR/n" unary )*                 within n words, in the written order
 * unary   := "NOT" unary | "-" primary | primary
 * primary := word | word* | "phrase" | field | "(" or ")"
 * field   := title:word | title:word* | title:"phrase" | source:value | source:"name" | lang:code
 * </pre>
 *
 * <h2>Choices</h2>
 *
 * <ul>
 *   <li><b>Operators are upper-case keywords.</b> {@code OR}, {@code AND}, {@code NOT},
 *       {@code NEAR/n} and {@code ONEAR/n} are operators only in capitals; news text is full of
 *       "or", "and", "not" and "near". Field names are case-insensitive ({@code Title:}). Words are
 *       case-insensitive because they are analysed.</li>
 *   <li><b>{@code -} is NOT only at the start of a term</b> ({@code -kpop}); inside a word it is
 *       part of the word ({@code inter-korean} is the phrase "inter korean").</li>
 *   <li><b>One query, every language.</b> A word, phrase, prefix or NEAR compiles into a
 *       disjunction over the analysed text fields ({@link io.alertwire.classifier.query.QueryFields}
 *       — English, Korean, ICU fallback), each part analysed by that field's analyser. An article
 *       fills only the fields of its own language, so each part meets text analysed the same way.</li>
 *   <li><b>Every stored query must be pre-filterable</b>, because Lucene Monitor runs only the
 *       queries whose terms occur in an article, and a query without such terms would run on every
 *       article. Hence: every conjunction needs a positive term ({@code NOT kpop} is refused); a
 *       query or OR-branch made only of {@code lang:}/{@code source:} filters is refused; a prefix
 *       needs 3 letters (2 Korean, Chinese or Japanese characters) and compiles to the prefix query
 *       AND its 2- or 3-character head in a prefix field the index fills with every token's heads,
 *       which gives the presearcher a plain term (the same is added around NEAR over prefixes).</li>
 *   <li><b>Limits</b>: nesting depth 32, 200 terms, and 900 Lucene clauses after compilation (Lucene
 *       refuses more than 1024 at search time), so no accepted query can fail while matching.</li>
 *   <li>Errors are {@link io.alertwire.classifier.query.QuerySyntaxException} with a 0-based
 *       character position inside the query, so the API can point at the mistake.</li>
 * </ul>
 */
package io.alertwire.classifier.query;
