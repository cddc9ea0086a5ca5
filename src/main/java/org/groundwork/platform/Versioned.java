package org.groundwork.platform;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/**
 * What a service answers for one editable row: its view record and its version (the ETag). The
 * resources' ETag answers are built here, once, instead of in every resource.
 */
public record Versioned<T>(T view, long version) {

    /** 200 with the view and its ETag. */
    public Response ok() {
        return ok(view, version);
    }

    /** 201 with the view, its ETag and where it lives. */
    public Response created(String location) {
        return created(location, view, version);
    }

    /** {@link #ok()} typed, for a resource that declares its answer's body type. */
    public RestResponse<T> okTyped() {
        return RestResponse.ResponseBuilder.ok(view).tag(ETags.of(version)).build();
    }

    /** {@link #created(String)} typed. */
    public RestResponse<T> createdTyped(String location) {
        return RestResponse.ResponseBuilder.<T>created(URI.create(location)).entity(view).tag(ETags.of(version)).build();
    }

    public static Response ok(Object view, long version) {
        return Response.ok(view).tag(ETags.of(version)).build();
    }

    public static Response created(String location, Object view, long version) {
        return Response.created(URI.create(location)).entity(view).tag(ETags.of(version)).build();
    }
}
