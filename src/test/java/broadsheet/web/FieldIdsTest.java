package broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldIdsTest {
    @Test
    void aFieldsErrorLineIsNamedAfterTheFieldUnlessTheFormSaysOtherwise() {
        assertThat(FieldIds.error("slug", null)).isEqualTo("slug-error");
        assertThat(FieldIds.error("token-name", "token-error")).isEqualTo("token-error");
    }

    @Test
    void aFieldIsDescribedByTheIdsItHasInOrderAndByNothingWhenItHasNone() {
        assertThat(FieldIds.describedBy("slug-hint", null, "slug-error")).isEqualTo("slug-hint slug-error");
        assertThat(FieldIds.describedBy(null, "merge-hint", null)).isEqualTo("merge-hint");
        assertThat(FieldIds.describedBy((String) null)).isNull();
        assertThat(FieldIds.describedBy()).isNull();
    }
}
