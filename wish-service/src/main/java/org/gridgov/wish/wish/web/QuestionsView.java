package org.gridgov.wish.wish.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gridgov.wish.wish.domain.ActorRole;
import org.gridgov.wish.wish.domain.Question;

/**
 * The grid's questions about a wish and the resident's answers, oldest first. An answer may hold
 * personal data: in clear only for those who see the resident's data, else null with {@code answerMasked}.
 */
record QuestionsView(List<Item> items) {

    record Item(UUID id, Instant askedAt, ActorRole askedBy, String question, Instant answeredAt, String answer,
                boolean answerMasked) {
    }

    static QuestionsView of(List<Question> questions, boolean showAnswers) {
        return new QuestionsView(questions.stream().map(q -> new Item(q.id(), q.askedAt(), q.askedBy(), q.question(),
                q.answeredAt().orElse(null), showAnswers ? q.answer().orElse(null) : null,
                !showAnswers && q.answer().isPresent())).toList());
    }
}
