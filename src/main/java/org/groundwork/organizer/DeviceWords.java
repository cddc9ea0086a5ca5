package org.groundwork.organizer;

import io.quarkus.qute.TemplateExtension;
import org.groundwork.organizer.OrganizerJson.SessionView;
import org.groundwork.web.PageLanguage;

/**
 * A login session's device as the settings page says it. It is stored in English, once, at login
 * ({@link LoginSessions#device}: "Firefox on Linux"), and the API answers it so; the page says the
 * words that are not names (an unknown device, a browser or HTTP client not recognised, "on") in
 * its own language. Product and system names stay as they are.
 */
@TemplateExtension
public final class DeviceWords {

    private DeviceWords() {
    }

    static String shownDevice(SessionView s) {
        return shown(s.device());
    }

    static String shown(String stored) {
        if (stored == null || LoginSessions.UNKNOWN_DEVICE.equals(stored)) {
            return PageLanguage.account().device_unknown();
        }
        int on = stored.indexOf(LoginSessions.ON);
        String browser = on < 0 ? stored : stored.substring(0, on);
        String shownBrowser = switch (browser) {
            case LoginSessions.ANY_BROWSER -> PageLanguage.account().device_browser();
            case LoginSessions.HTTP_CLIENT -> PageLanguage.account().device_http_client();
            default -> browser;
        };
        return on < 0 ? shownBrowser
                : PageLanguage.account().device_on(shownBrowser, stored.substring(on + LoginSessions.ON.length()));
    }
}
