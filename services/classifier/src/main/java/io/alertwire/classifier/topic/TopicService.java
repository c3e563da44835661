package io.alertwire.classifier.topic;

import io.alertwire.events.TopicSlug;
import io.alertwire.classifier.matching.TopicDefinition;
import io.alertwire.classifier.matching.TopicMatcher;
import io.alertwire.classifier.problem.ProblemException;
import io.alertwire.classifier.query.QuerySyntaxException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * Topic CRUD. Each change is committed first and then applied to the {@link TopicMatcher}, so the
 * matcher never holds a topic the database does not. Changes and full reloads hold one lock, so a
 * reload that read the table before a change committed cannot undo that change in the matcher.
 */
@ApplicationScoped
public class TopicService {

    private static final Logger LOG = Logger.getLogger(TopicService.class);

    private final TopicRepository repository;
    private final TopicMatcher matcher;

    public TopicService(TopicRepository repository, TopicMatcher matcher) {
        this.repository = repository;
        this.matcher = matcher;
    }

    public List<TopicResponse> list() {
        return QuarkusTransaction.joiningExisting().call(
                () -> repository.listByName().stream().map(TopicResponse::of).toList());
    }

    public TopicResponse get(String id) {
        return QuarkusTransaction.joiningExisting().call(() -> TopicResponse.of(find(id)));
    }

    public synchronized TopicResponse create(TopicRequest request) {
        checkQuery(request.query());
        String id = TopicSlug.of(request.name());
        if (id.isEmpty()) {
            throw new ProblemException(Response.Status.BAD_REQUEST,
                    "The name must contain at least one letter or digit");
        }
        Topic saved = uniquely(request.name(), () -> QuarkusTransaction.requiringNew().call(() -> {
            if (repository.findByIdOptional(id).isPresent() || repository.findByName(request.name()).isPresent()) {
                throw new ProblemException(Response.Status.CONFLICT,
                        "A topic with id '" + id + "' or name '" + request.name() + "' already exists");
            }
            Topic topic = new Topic();
            topic.id = id;
            topic.createdAt = now();
            apply(topic, request);
            repository.persist(topic);
            return topic;
        }));
        sync(saved);
        LOG.infof("Topic %s created", saved.id);
        return TopicResponse.of(saved);
    }

    public synchronized TopicResponse update(String id, TopicRequest request) {
        checkQuery(request.query());
        Topic saved = uniquely(request.name(), () -> QuarkusTransaction.requiringNew().call(() -> {
            Topic topic = find(id);
            repository.findByName(request.name()).filter(other -> !other.id.equals(id)).ifPresent(other -> {
                throw new ProblemException(Response.Status.CONFLICT,
                        "Another topic is already named '" + request.name() + "'");
            });
            apply(topic, request);
            return topic;
        }));
        sync(saved);
        LOG.infof("Topic %s updated", saved.id);
        return TopicResponse.of(saved);
    }

    public synchronized void delete(String id) {
        QuarkusTransaction.requiringNew().run(() -> repository.delete(find(id)));
        matcher.remove(id);
        LOG.infof("Topic %s deleted", id);
    }

    /**
     * Reads every enabled topic and makes the matcher hold exactly those.
     *
     * @return the fingerprint of the table as read
     */
    public synchronized TopicRepository.Fingerprint reloadAll() {
        record Snapshot(TopicRepository.Fingerprint fingerprint, List<TopicDefinition> topics) {
        }
        Snapshot snapshot = QuarkusTransaction.requiringNew().call(() -> new Snapshot(repository.fingerprint(),
                repository.listEnabled().stream().map(Topic::definition).toList()));
        matcher.replaceAll(snapshot.topics());
        LOG.infof("Loaded %d enabled topics into the matcher (%d registered)", snapshot.topics().size(),
                matcher.size());
        return snapshot.fingerprint();
    }

    /** The table's current fingerprint, to tell whether a reload is needed. */
    public TopicRepository.Fingerprint fingerprint() {
        return QuarkusTransaction.requiringNew().call(repository::fingerprint);
    }

    /**
     * Runs a write; a unique-key violation (another replica created the same name or id between our
     * check and our commit) becomes the same 409 the check gives.
     */
    private static Topic uniquely(String name, Supplier<Topic> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConstraintViolationException) {
                    throw new ProblemException(Response.Status.CONFLICT,
                            "A topic with the name '" + name + "' or its id already exists");
                }
            }
            throw e;
        }
    }

    private void sync(Topic topic) {
        if (topic.enabled) {
            matcher.put(topic.definition());
        } else {
            matcher.remove(topic.id);
        }
    }

    private Topic find(String id) {
        return repository.findByIdOptional(id).orElseThrow(
                () -> new ProblemException(Response.Status.NOT_FOUND, "No topic with id '" + id + "'"));
    }

    private void checkQuery(String query) {
        try {
            matcher.compiler().compile(query);
        } catch (QuerySyntaxException e) {
            throw QueryProblems.syntaxError(query, e);
        }
    }

    private static void apply(Topic topic, TopicRequest request) {
        topic.name = request.name().strip();
        topic.query = request.query();
        topic.description = request.description();
        topic.languages = request.languages() == null ? new ArrayList<>()
                : new ArrayList<>(request.languages().stream().distinct().toList());
        topic.minScore = request.minScore() == null ? 0 : request.minScore();
        topic.enabled = request.enabled() == null || request.enabled();
        topic.updatedAt = now();
    }

    /** PostgreSQL keeps microseconds: truncate so the API shows what is stored. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
