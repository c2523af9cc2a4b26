package org.commitmenttracker.service.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An id of domain.md: lower-case letters, digits and hyphens, 3 to 80 characters. */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = Slug.PATTERN)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@jakarta.validation.ReportAsSingleViolation
public @interface Slug {

    String PATTERN = "[a-z0-9][a-z0-9-]{2,79}";

    String message() default "must be 3 to 80 lower-case letters, digits or hyphens, starting with a letter or digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
