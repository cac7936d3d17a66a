package io.creditlayer.service.siwe;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource (class or method) only for signed-in borrowers: {@code Authorization: Bearer <session token>} from
 * {@code POST /v1/siwe/verify}. {@link SessionFilter} answers 401 otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresSession {
}
