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
}
