package org.gridgov.kit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.gridgov.kit.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class RefusalTest {

    @Test
    void an_invalid_field_refusal_is_a_400_naming_the_field() {
        ProblemDetail problem = ProblemException.of(Refusal.invalidField("milestones[0].dueDate", "A milestone is due in "
                + "the project's year or the next.")).toProblemDetail();

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties()).containsKey("errors");
        assertThat((List<?>) problem.getProperties().get("errors")).singleElement()
                .satisfies(error -> assertThat(((Map<?, ?>) error).get("field")).isEqualTo("milestones[0].dueDate"));
    }

    @Test
    void a_refusal_without_a_field_names_none() {
        ProblemDetail problem = ProblemException.of(Refusal.invalid("A quarter looks like 2026Q3.")).toProblemDetail();

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(Refusal.invalid("x").field()).isNull();
        assertThat(problem.getProperties() == null || !problem.getProperties().containsKey("errors")).isTrue();
    }
}
