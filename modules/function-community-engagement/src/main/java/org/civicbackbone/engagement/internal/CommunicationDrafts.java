package org.civicbackbone.engagement.internal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.audit.Changes;
import org.civicbackbone.api.initiative.SameName;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.problem.Violation;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.GeneratedKey;
import org.civicbackbone.engagement.internal.Engagement.Communication;
import org.civicbackbone.engagement.internal.Engagement.CommunicationSpec;

/**
 * The rules of drafts: key messages each said once, no two plain drafts alike (a second click), and a draft edited
 * only while it is one. Each edit counts a revision, so that publishing it or putting it to the bodies takes the text
 * that was read, never one edited meanwhile.
 */
record CommunicationDrafts(BackboneStore store, AuditLog audit) {

    /** Drafts a communication; {@code spokesperson} is null or authorised already. Returns its id. */
    long draft(String initiativeId, CommunicationSpec spec, String spokesperson, String actor) {
        List<String> messages = keyMessages(spec);
        return store.inTurn(CommunityEngagement.MODULE, initiativeId, c -> {
            EngagementRecords records = store.mapper(c, EngagementRecords.class);
            refuseRepeat(records, initiativeId, spec, spokesperson, null);
            GeneratedKey key = new GeneratedKey();
            records.insertCommunication(key, initiativeId, spec.kind(), spec.title().strip(), spec.body(),
                    String.join("\n", messages), spokesperson, actor, Instant.now());
            audit.record(c, actor, initiativeId, CommunityEngagement.MODULE, "communication.draft", "communication "
                    + key.id() + " '" + spec.title().strip() + "'");
            return key.id();
        });
    }

    /**
     * Changes a draft to what {@code spec} says; the audit log says what changed. Refused (409) when it was
     * published, put to the bodies or edited since it was read. Returns whether anything changed.
     */
    boolean edit(String initiativeId, Communication draft, CommunicationSpec spec, String spokesperson, String actor) {
        List<String> messages = keyMessages(spec);
        Changes changes = new Changes().shown("kind", draft.kind(), spec.kind())
                .quoted("title", draft.title(), spec.title().strip()).named("text", draft.body(), spec.body())
                .named("key messages", draft.keyMessages(), messages)
                .shown("spokesperson", draft.spokesperson(), spokesperson);
        if (changes.none()) {
            return false;
        }
        store.inTurn(CommunityEngagement.MODULE, initiativeId, c -> {
            EngagementRecords records = store.mapper(c, EngagementRecords.class);
            refuseRepeat(records, initiativeId, spec, spokesperson, draft.id());
            if (records.updateDraft(draft.id(), spec.kind(), spec.title().strip(), spec.body(),
                    String.join("\n", messages), spokesperson, draft.statementProposalId(), draft.revision()) == 0) {
                throw new ProblemException(Problem.conflict("Communication " + draft.id() + " was published, put to "
                        + "the bodies or edited meanwhile: look at it again."));
            }
            audit.record(c, actor, initiativeId, CommunityEngagement.MODULE, "communication.edit", "communication "
                    + draft.id() + ": " + changes);
            return null;
        });
        return true;
    }

    /** The key messages as kept: one line each, each said once (400 naming the one said twice). */
    private static List<String> keyMessages(CommunicationSpec spec) {
        List<String> messages = spec.keyMessages() == null ? List.of()
                : spec.keyMessages().stream().map(m -> m.strip().replace('\n', ' ')).toList();
        for (int i = 1; i < messages.size(); i++) {
            String message = messages.get(i);
            if (messages.subList(0, i).stream().anyMatch(earlier -> SameName.of(earlier, message))) {
                throw ProblemException.invalid("keyMessages[" + i + "]", "'" + message + "' is a key message already");
            }
        }
        return messages;
    }

    /**
     * Refuses a plain draft (never published nor put to the bodies) alike another, other than {@code self}: a second
     * click would leave two, and either could be put to the bodies.
     */
    private static void refuseRepeat(EngagementRecords records, String initiativeId, CommunicationSpec spec,
                                     String spokesperson, Long self) {
        for (EngagementRecords.CommunicationRow other : records.plainDrafts(initiativeId)) {
            if (!Long.valueOf(other.id()).equals(self) && SameName.of(other.title(), spec.title())
                    && other.body().equals(spec.body()) && Objects.equals(other.spokesperson(), spokesperson)) {
                throw new ProblemException(Problem.conflict("Communication " + other.id() + " is a draft of '"
                        + other.title() + "' with this text already.", List.of(new Violation("title",
                        "is draft " + other.id() + " already"))));
            }
        }
    }
}
