package org.groundwork.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Keeps the organizer's page language in a cookie, for the few pages drawn where their login cannot
 * be read: those platform/HttpLimits refuses before the app's own handling (PageLanguage.early), and
 * a visitor's once logged out. (An unknown path or a method a path does not take reads the login
 * itself: PageLanguage.forLogin.) Set on a page drawn for a logged-in organizer when the browser's
 * cookie says otherwise; it holds "en" or "es", nothing else.
 */
public class LanguageCookie {

    static final String NAME = "gw-language";
    private static final int A_YEAR = 365 * 24 * 3600;

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null || !type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            return;
        }
        String chosen = PageLanguage.chosen();
        if (chosen == null) {
            return;
        }
        Cookie sent = request.getCookies().get(NAME);
        if (sent != null && chosen.equals(sent.getValue())) {
            return;
        }
        response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(NAME).value(chosen).path("/")
                .maxAge(A_YEAR).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build());
    }
}
