package org.groundwork.web;

import io.restassured.specification.RequestSpecification;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A multipart form sent as a browser sends it: whole, with its length. RestAssured's
 * {@code multiPart(…)} sends one in chunks, which the pages refuse (platform/HttpLimits: an upload
 * in chunks has no length to hold to the import's limit before it is on disk).
 */
final class MultipartForm {

    private static final String BOUNDARY = "----groundwork-test-form";
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    static MultipartForm of() {
        return new MultipartForm();
    }

    MultipartForm field(String name, String value) {
        return part("form-data; name=\"" + name + "\"", null, value.getBytes(StandardCharsets.UTF_8));
    }

    MultipartForm file(String name, String fileName, byte[] content, String type) {
        return part("form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"", type, content);
    }

    /** The request with this form as its body (RestAssured sends a byte array with its length). */
    RequestSpecification into(RequestSpecification request) {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.writeBytes(body.toByteArray());
        whole.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return request.contentType("multipart/form-data; boundary=" + BOUNDARY).body(whole.toByteArray());
    }

    private MultipartForm part(String disposition, String type, byte[] content) {
        StringBuilder head = new StringBuilder("--" + BOUNDARY + "\r\nContent-Disposition: " + disposition + "\r\n");
        if (type != null) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        body.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }
}
