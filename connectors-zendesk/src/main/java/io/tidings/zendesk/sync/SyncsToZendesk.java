package io.tidings.zendesk.sync;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose first parameter is a customer id and which changes what the customer's
 * Zendesk fields show; {@link ZendeskSyncExtension} puts it on the preference and ledger writers.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SyncsToZendesk {

    /** The annotation as a value, for adding it at start-up. */
    final class Literal extends AnnotationLiteral<SyncsToZendesk> implements SyncsToZendesk {
        static final Literal INSTANCE = new Literal();
    }
}
