package com.tentabo.prm.adapters.rest.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code If-Match} parsed once into an {@link ExpectedVersion}, for both kinds of versioned records. */
class VersionsTest {

    private static final Instant READ = Instant.parse("2026-03-02T09:00:00.123456Z");
    private static final String TAG = "\"1772442000123456\"";

    @Test
    void noHeaderBlankOrStarIsNoPrecondition() {
        for (String header : new String[] {null, "", "  ", "*", " * "}) {
            assertThat(Versions.ifMatch(header).isAny()).isTrue();
            assertThat(Versions.ifMatchVersion(header).isAny()).isTrue();
        }
    }

    @Test
    void anUpdatedAtRecordAcceptsItsTagStrongWeakOrInAList_andRefusesAnOtherWith412() {
        assertThat(Versions.of(READ).getValue()).isEqualTo("1772442000123456");
        Versions.ifMatch(TAG).requireMatch(READ);
        Versions.ifMatch("W/" + TAG).requireMatch(READ);
        Versions.ifMatch("\"1\", W/" + TAG).requireMatch(READ);

        for (String stale : new String[] {"\"1\"", "1772442000123456", "garbage", "\"1\", *"}) {
            assertThatThrownBy(() -> Versions.ifMatch(stale).requireMatch(READ))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION_FAILED));
        }
        assertThatThrownBy(() -> Versions.ifMatch(TAG).requireMatch(READ.plusNanos(1_000)))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void aVersionColumnRecordReadsOneNumber_quotedOrNot_andRefusesAnythingElseWith400() {
        assertThat(Versions.ifMatchVersion("\"7\"").matches(7)).isTrue();
        assertThat(Versions.ifMatchVersion("W/\"7\"").matches(7)).isTrue();
        assertThat(Versions.ifMatchVersion("7").matches(7)).isTrue();
        assertThat(Versions.ifMatchVersion("\"7\"").matches(8)).isFalse();
        assertThat(ExpectedVersion.any().matches(8)).isTrue();

        for (String bad : new String[] {"\"x\"", "\"1\", \"2\"", "W/"}) {
            assertThatThrownBy(() -> Versions.ifMatchVersion(bad))
                    .isInstanceOfSatisfying(
                            DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        }
    }

    @Test
    void aConsoleFormPostsBackTheTagItRendered() {
        ExpectedVersion rendered = ExpectedVersion.ofTag(ExpectedVersion.tagOf(READ));
        assertThat(rendered).isEqualTo(ExpectedVersion.at(READ));
        rendered.requireMatch(READ);
        assertThat(ExpectedVersion.ofTag("  ").isAny()).isTrue();
        assertThat(ExpectedVersion.of(null).isAny()).isTrue();
    }
}
