package com.tentabo.prm.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoredRowsTest {

    @Test
    void readingHoldsOnlyInsideBuild_nestedCallsIncluded() {
        assertThat(StoredRows.reading()).isFalse();
        assertThat(StoredRows.build(StoredRows::reading)).isTrue();
        assertThat(StoredRows.build(() -> StoredRows.build(StoredRows::reading) && StoredRows.reading()))
                .isTrue();
        assertThat(StoredRows.reading()).isFalse();
    }

    @Test
    void givenAConstructorThatThrows_thenTheRulesAreOnAgainAfterwards() {
        assertThatThrownBy(() -> StoredRows.build(() -> {
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(StoredRows.reading()).isFalse();
    }
}
