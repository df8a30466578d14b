package org.travesia.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.travesia.platform.privacy.keys.AesGcm;

/** Names become keyed tokens: folded alike, split alike, and meaningless without the key. */
class BlindIndexTest {

    private final BlindIndex index = new BlindIndex(AesGcm.newKey());

    @Test
    void namesAreFoldedForCaseAccentsAndPunctuationAndSplitOnSpacesAndHyphens() {
        assertThat(BlindIndex.tokens("  María-José  ÑANDÚ O'Neil ")).containsExactly("maria", "jose", "nandu", "oneil");
        assertThat(BlindIndex.tokens("Ibarra,Rosa")).containsExactly("ibarra", "rosa");
    }

    @Test
    void theSameTokenGivesTheSameKeyedTokenWhateverItsSpelling() {
        assertThat(index.ofNames(List.of("José Ibarra"))).containsExactlyElementsOf(index.ofNames(List.of("jose IBARRA")));
    }

    @Test
    void anotherKeyGivesOtherTokens() {
        BlindIndex other = new BlindIndex(AesGcm.newKey());

        assertThat(other.ofNames(List.of("Rosa"))).doesNotContainAnyElementsOf(index.ofNames(List.of("Rosa")));
        assertThat(other.ofBirthYear(1994)).isNotEqualTo(index.ofBirthYear(1994));
    }

    @Test
    void aNameTokenAndABirthYearNeverMeet() {
        assertThat(index.ofNames(List.of("1994"))).doesNotContain(index.ofBirthYear(1994));
        assertThat(index.ofBirthYear(1994)).startsWith(BlindIndex.BIRTH_YEAR);
    }
}
