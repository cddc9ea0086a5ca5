package org.groundwork.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a login lands: on the page first asked for (a bookmark opened while logged out), also
 * after the second factor, and never on another site; someone logged in is not shown the form;
 * a login post whose body cannot be read is a readable 400, not an empty 200.
 */
@QuarkusTest
class LoginLandingTest {

    private static final String RETURN = "gw-return";

    private static Response logIn(TestTeam team, String returnCookie) {
        var post = given().redirects().follow(false);
        if (returnCookie != null) {
            post.cookie(RETURN, returnCookie);
        }
        return post.formParam("email", team.adminEmail).formParam("password", TestTeam.PASSWORD).post("/login");
    }

    /** The path of a redirect's Location, whether the server wrote it absolute or not. */
    private static String landing(Response r) {
        String location = r.header("Location");
        assertNotNull(location, "a redirect");
        return location.replaceFirst("^https?://[^/]+", "");
    }

    /**
     * Form login reads the body before any of the app runs; Vert.x's decoder dropped a body it could
     * not read without a word, and Quarkus answered the anonymous post with an empty 200.
     */
    @Test
    void aLoginPostWhoseBodyCannotBeReadIsA400AndNoErrorInTheLog() throws Exception {
        TestTeam team = TestTeam.create();
        StringBuilder many = new StringBuilder("email=" + URLEncoder.encode(team.adminEmail, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(TestTeam.PASSWORD, StandardCharsets.UTF_8));
        for (int i = 0; i < 1100; i++) {
            many.append("&f").append(i).append("=1");
        }
        String form = "application/x-www-form-urlencoded";
        List<String[]> bodies = List.of(
                new String[]{form, "email=%zz&password=x"},
                new String[]{form, "email=a%40b.org&password=%zz"},
                new String[]{form, "email=a%40b.org&password=x%"},
                new String[]{form, many.toString()},
                new String[]{form, "foo=bar"},
                new String[]{form, ""},
                new String[]{"multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\n"
                        + "a@b.org\r\n--b\r\nContent-Disposition: form-data; name=\"pass"});
        List<String> answers = new java.util.ArrayList<>();
        var errors = severeDuring(() -> {
            for (String[] body : bodies) {
                for (String accept : List.of("text/html", "application/json")) {
                    answers.add(raw("POST /login HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\nContent-Type: "
                            + body[0] + "\r\nContent-Length: " + body[1].getBytes(StandardCharsets.UTF_8).length
                            + "\r\nConnection: close\r\n\r\n" + body[1]));
                }
            }
        });
        for (int i = 0; i < answers.size(); i++) {
            String answer = answers.get(i);
            String sent = bodies.get(i / 2)[1];
            String what = sent.substring(0, Math.min(60, sent.length())) + " → " + answer.lines().findFirst().orElse("");
            assertTrue(answer.startsWith("HTTP/1.1 400"), what);
            assertTrue(answer.contains("email and password could not be read"), what + "\n" + answer);
            assertFalse(answer.contains("quarkus-credential="), what);
            if (i % 2 == 0) {
                assertTrue(answer.contains("<title>Something in the request is not right"), what + "\n" + answer);
            } else {
                assertTrue(answer.contains("application/problem+json"), what + "\n" + answer);
            }
        }
        assertEquals(List.of(), errors.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()).toList());
        // a readable one still logs in, and a wrong password still goes back to the form
        logIn(team, null).then().statusCode(302).cookie("quarkus-credential", notNullValue());
        given().redirects().follow(false).formParam("email", team.adminEmail).formParam("password", "wrong one")
                .post("/login").then().statusCode(anyOf(is(302), is(303))).header("Location", containsString("/login?error"));
    }

    private static String raw(String request) {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) >= 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // what came before is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The log records at ERROR (SEVERE) or above written while {@code action} runs (as BadInputTest's). */
    private static List<java.util.logging.LogRecord> severeDuring(Runnable action) {
        List<java.util.logging.LogRecord> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (r.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                    errors.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger.getLogger("").addHandler(capture);
        try {
            action.run();
        } finally {
            java.util.logging.Logger.getLogger("").removeHandler(capture);
        }
        return errors;
    }
}
