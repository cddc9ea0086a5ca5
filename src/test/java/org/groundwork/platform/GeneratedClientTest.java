package org.groundwork.platform;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.groundwork.client.ApiClient;
import org.groundwork.client.ApiException;
import org.groundwork.client.api.AccountsApi;
import org.groundwork.client.api.ContactsApi;
import org.groundwork.client.api.ConversationsApi;
import org.groundwork.client.api.FollowUpsApi;
import org.groundwork.client.model.Channel;
import org.groundwork.client.model.ContactView;
import org.groundwork.client.model.CreatedConversation;
import org.groundwork.client.model.Level;
import org.groundwork.client.model.NewContact;
import org.groundwork.client.model.NewConversation;
import org.groundwork.client.model.NewToken;
import org.groundwork.client.model.NextStep;
import org.groundwork.client.model.Problem;
import org.groundwork.client.model.Queue;
import org.groundwork.client.model.QueueItem;
import org.groundwork.client.model.TokenRequest;
import org.groundwork.support.TestTeam;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API document is true enough to script against: a Java client generated from
 * docs/openapi.yaml at build time (openapi-generator, see pom.xml), used without a hand edit,
 * logs in, adds a contact, logs a conversation with a next step, reads the queue, and gets a
 * typed problem back for bad input. Only the team itself is made the usual way (TestTeam).
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URL app;

    @Test
    void aGeneratedClientWorksAgainstTheApp() throws Exception {
        TestTeam team = TestTeam.create();
        ApiClient anonymous = client(null);

        NewToken token = new AccountsApi(anonymous).tokenCreate(
                new TokenRequest().email(team.adminEmail).password(TestTeam.PASSWORD).name("generated client"));
        assertTrue(token.getToken().startsWith("gw_"), "a personal token");
        ApiClient api = client(token.getToken());

        ContactView maria = new ContactsApi(api).contactCreate(
                new NewContact().fullName("Maria Lopez").phone("(718) 555-0102").engagementLevel(Level.NEW), null);
        assertNotNull(maria.getId());
        assertEquals(Level.NEW, maria.getEngagementLevel());

        LocalDate due = LocalDate.now().plusDays(3);
        CreatedConversation logged = new ConversationsApi(api).conversationCreate(new NewConversation()
                .contactId(maria.getId()).durationMinutes(25).channel(Channel.HOUSE_VISIT)
                .summary("Rent went up 18%")
                .nextStep(new NextStep().dueOn(due).purpose("Bring her to the building meeting")), null);
        assertNotNull(logged.getNextStepFollowUpId(), "the next step opened a follow-up");

        Queue queue = new FollowUpsApi(api).followUpQueue(null);
        QueueItem next = queue.getUpcoming().stream()
                .filter(item -> item.getId().equals(logged.getNextStepFollowUpId())).findFirst().orElseThrow();
        assertEquals(due, next.getDueOn());
        assertEquals("Maria Lopez", next.getContact().getFullName());

        ApiException refused = assertThrows(ApiException.class, () -> new ConversationsApi(api).conversationCreate(
                new NewConversation().contactId(maria.getId()).durationMinutes(-5), null));
        assertEquals(400, refused.getCode());
        assertTrue(refused.getResponseHeaders().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        Problem problem = api.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertEquals(400, problem.getStatus());
        assertEquals("durationMinutes", problem.getErrors().get(0).getField());

        ApiException anonymousRead = assertThrows(ApiException.class, () -> new FollowUpsApi(anonymous).followUpQueue(null));
        assertEquals(401, anonymousRead.getCode());
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(app.toString().replaceAll("/$", ""));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }
}
