package io.alertwire.fetch.source;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An absolute http or https URL with a host and no user info (credentials in a URL would be stored
 * and shown in clear). {@code null} is valid: combine with {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = HttpUrlValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface HttpUrl {

    String message() default "must be an absolute http or https URL with a host and no user info";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
