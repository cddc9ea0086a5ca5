package org.groundwork.organization;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A card's owner initials: the first letter of each word, three at most, whatever the script. */
class CardInitialsTest {

    private static String initials(String owner) {
        return new ChartJson.Card(null, "Someone", null, null, null, null, owner, null, null, false).ownerInitials();
    }

    @Test
    void theFirstLetterOfEachWordThreeAtMostAndNoEmoji() {
        assertEquals("AR", initials("Ana Ruiz"));
        // the walk of session 45: an emoji as a word read "MÑ🌹"
        assertEquals("MÑ", initials("Márta Ñúñez \uD83C\uDF39"));
        assertEquals("JML", initials("José María López Ortega"));
        // three letters past U+FFFF are three, not one and a half
        assertEquals("\uD801\uDC00\uD801\uDC01\uD801\uDC02",
                initials("\uD801\uDC28a \uD801\uDC29b \uD801\uDC2Ac \uD801\uDC2Bd"));
        assertEquals("", initials(null));
        // no word starts with a letter: the first letter or digit, else the first character (the review: an empty badge)
        assertEquals("2", initials("2Pac"));
        assertEquals("J", initials("@jo"));
        assertEquals("\uD83C\uDF39", initials("\uD83C\uDF39"));
    }
}
