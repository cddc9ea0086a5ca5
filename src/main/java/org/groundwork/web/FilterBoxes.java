package org.groundwork.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A page's GET that draws a filter form with these boxes (their names, as the query names them) and
 * reads its filters through the binder ({@link Form#filters}): one of them given twice in the address
 * ({@code /contacts?level=new&level=cadre}) is said beside its box, on the page drawn again with a 400
 * and the other boxes as typed, as a filter the service refuses is. {@code InputGuard} leaves those to
 * the page; any other parameter given twice, on this page or any other, it refuses as a whole 400 page.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FilterBoxes {
    String[] value();
}
