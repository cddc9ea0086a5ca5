package org.groundwork.platform;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdsTest {

    @Test
    void idsAreVersion7AndSortInTheOrderTheyWereMade() {
        UUID previous = Ids.next();
        for (int i = 0; i < 20_000; i++) {
            UUID next = Ids.next();
            assertEquals(7, next.version());
            assertEquals(2, next.variant());
            assertTrue(previous.toString().compareTo(next.toString()) < 0, previous + " before " + next);
            previous = next;
        }
    }
}
