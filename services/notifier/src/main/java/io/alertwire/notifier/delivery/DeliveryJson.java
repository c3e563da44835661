package io.alertwire.notifier.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import java.util.List;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/**
 * The JSON of the {@code jsonb} columns (a delivery's topics and story), kept apart from the REST
 * API's mapping so that a change made for the API cannot change what is stored: ISO-8601
 * instants, unknown fields ignored (rows written by an older version still read).
 */
@JsonFormat
@PersistenceUnitExtension
public class DeliveryJson implements FormatMapper {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final TypeReference<List<AlertTopic>> TOPICS = new TypeReference<>() {
    };

    private final FormatMapper jackson = new JacksonJsonFormatMapper(MAPPER);

    /** Writes a value as this column format does; for the statements that insert JSON themselves. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write delivery JSON", e);
        }
    }

    /** Reads a story (or any single value) as this column format stores it. */
    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read delivery JSON", e);
        }
    }

    /** Reads a delivery's topics as this column format stores them. */
    static List<AlertTopic> readTopics(String json) {
        try {
            return MAPPER.readValue(json, TOPICS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read delivery JSON", e);
        }
    }

    @Override
    public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
        return jackson.fromString(text, type, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        return jackson.toString(value, type, options);
    }
}
