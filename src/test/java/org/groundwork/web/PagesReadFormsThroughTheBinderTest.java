package org.groundwork.web;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages read posted text only through the forms' binder ({@link Form}), which says a NUL
 * character on its field; {@code InputGuard} leaves page forms to it. A page method taking a
 * text field as {@code @RestForm} or {@code @FormParam} would get the NUL unchecked, so none may
 * (an uploaded file is bytes and is read as such).
 */
class PagesReadFormsThroughTheBinderTest {

    @Test
    void noPageTakesATextFieldPastTheBinder() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of(Form.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("org/groundwork"))) {
            names = files.map(f -> classes.relativize(f).toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.')).toList();
        }
        int pages = 0;
        List<String> past = new ArrayList<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            Path path = type.getAnnotation(Path.class);
            if (path == null || path.value().startsWith("/api")) {
                continue;
            }
            pages++;
            for (Method m : type.getDeclaredMethods()) {
                for (Parameter p : m.getParameters()) {
                    boolean form = p.isAnnotationPresent(RestForm.class) || p.isAnnotationPresent(FormParam.class);
                    if (form && p.getType() != FileUpload.class) {
                        past.add(type.getSimpleName() + "." + m.getName() + "(" + p.getName() + ")");
                    }
                }
            }
        }
        assertTrue(pages >= 10, "the page classes were found: " + pages);
        assertEquals(List.of(), past);
    }
}
