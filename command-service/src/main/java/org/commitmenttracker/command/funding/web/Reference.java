package org.commitmenttracker.command.funding.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The accounting system's own number as it is written there (domain.md "Identifiers"): award
 * {@code IL-35000-21-75-K}, voucher {@code 2022/03-002}. Shown beside the slug, never an id.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = Reference.PATTERN)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@jakarta.validation.ReportAsSingleViolation
public @interface Reference {

    String PATTERN = "[\\p{L}\\p{N} /._:#-]{1,100}";

    String message() default "must be 1 to 100 letters, digits, spaces or any of -/._:#";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
