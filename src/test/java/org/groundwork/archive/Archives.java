package org.groundwork.archive;

import io.restassured.response.Response;
import org.groundwork.support.TestTeam;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;

/** Archives as tests handle them: downloaded, opened into their files, changed, zipped again, posted. */
public final class Archives {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Archives() {
    }

    public static byte[] download(String token) {
        return given().auth().oauth2(token).accept("application/zip").get("/api/v1/team/archive")
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
    }

    /** The entries in their order, as text. */
    public static LinkedHashMap<String, String> open(byte[] zip) {
        LinkedHashMap<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public static byte[] zip(Map<String, String> files) {
        return zip(files, null);
    }

    /** The entries zipped, the zip ending with {@code comment} (null: none, as Groundwork writes it). */
    public static byte[] zip(Map<String, String> files, String comment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setComment(comment);
            for (Map.Entry<String, String> f : files.entrySet()) {
                out.putNextEntry(new ZipEntry(f.getKey()));
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The same team under new ids and new emails, so it can be restored beside the original:
     * every id is replaced consistently in every file, the manifest's too.
     */
    public static LinkedHashMap<String, String> copy(Map<String, String> files) {
        // the new ids keep the old ones' order (text order is PostgreSQL's uuid order), as the
        // time-ordered originals have it: lists and a restore's renaming of works rely on it
        TreeSet<String> old = new TreeSet<>();
        files.values().forEach(text -> UUID_TEXT.matcher(text).results().forEach(r -> old.add(r.group())));
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < old.size(); i++) {
            fresh.add(UUID.randomUUID().toString());
        }
        Collections.sort(fresh);
        Map<String, String> ids = new HashMap<>();
        Iterator<String> next = fresh.iterator();
        old.forEach(id -> ids.put(id, next.next()));
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        files.forEach((name, text) -> {
            Matcher m = UUID_TEXT.matcher(text);
            StringBuilder s = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(s, ids.get(m.group()));
            }
            m.appendTail(s);
            out.put(name, s.toString().replace("\"email\":\"", "\"email\":\"copy-" + TestTeam.unique() + "-"));
        });
        return out;
    }

    public static Response restore(String token, byte[] zip) {
        return given().auth().oauth2(token).contentType("application/zip").accept("application/json").body(zip)
                .post("/api/v1/teams/restore");
    }

    public static List<String> lines(String file) {
        return file.isEmpty() ? List.of() : List.of(file.split("\n"));
    }
}
