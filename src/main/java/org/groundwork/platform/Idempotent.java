package org.groundwork.platform;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JSON resource method that honours the {@code Idempotency-Key} header: a retry with the same
 * key and request answers the first answer and writes nothing (see {@link IdempotencyInterceptor}).
 * The method must answer a {@link jakarta.ws.rs.core.Response} with a JSON entity.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {

    /** The header, and how the OpenAPI document describes it on each such operation. */
    String HEADER = "Idempotency-Key";
    String DESCRIPTION = "Optional. Up to 200 printable ASCII characters (a fresh UUID per request). "
            + "A retry with the same key and request within 24 hours answers the first answer and writes nothing "
            + "(header Idempotent-Replayed: true); the same key with another request answers 422.";
}
