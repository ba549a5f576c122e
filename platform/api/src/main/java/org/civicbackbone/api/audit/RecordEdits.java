package org.civicbackbone.api.audit;

import java.sql.Connection;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.civicbackbone.api.problem.Problem;
import org.civicbackbone.api.problem.ProblemException;
import org.civicbackbone.api.store.BackboneStore;

/**
 * The edits of one module's records, each made the one way ADR 0029 settles: in the module's turn for the initiative
 * ({@link BackboneStore#inTurn}), compared with the record as read there, so that of two edits sent at the same moment
 * the first is the "before" of the second; written, and logged in {@link Changes}' words, only when something changed.
 * A module makes one per mapper it edits through and keeps it for the component's life:
 *
 * <pre>{@code
 * RecordEdits<PlanRecords> edits = new RecordEdits<>(store, audit, MODULE, PlanRecords.class);
 *
 * boolean changed = edits.edit(initiativeId, actor, "group.change", records -> {
 *     GroupRow now = records.group(initiativeId, groupId).orElseThrow(RecordEdits.gone("Working group " + groupId));
 *     return new RecordEdit("working group " + groupId,
 *             new Changes().quoted("name", now.name(), name).named("purpose", now.purpose(), purpose),
 *             () -> records.updateGroup(groupId, name, purpose));
 * });
 * }</pre>
 *
 * @param <M> the module's mapper type, as {@link BackboneStore#mapper} makes it
 * @since 1.3
 */
public final class RecordEdits<M> {

    private final BackboneStore store;
    private final AuditLog audit;
    private final String module;
    private final Class<M> mapperType;

    /**
     * @param store      the platform database, with the module's tables migrated
     * @param audit      where each edit is recorded, in the transaction that makes it
     * @param module     the module whose turn the edits take and whose name the audit entries carry
     * @param mapperType the mapper the edits read and write through
     */
    public RecordEdits(BackboneStore store, AuditLog audit, String module, Class<M> mapperType) {
        this.store = store;
        this.audit = audit;
        this.module = module;
        this.mapperType = mapperType;
    }

    /**
     * Makes one edit in the module's turn for the initiative: {@code edit} reads the record as it is now and states
     * the edit; when it changes something, its write runs and the audit log records
     * {@code "<subject>: <changes>"} under {@code action}, in the same transaction. An edit that changes nothing
     * writes and logs nothing (the same edit sent again, or twice at one moment).
     *
     * @return whether anything changed
     */
    public boolean edit(String initiativeId, String actor, String action, Function<M, RecordEdit> edit) {
        return edit(initiativeId, actor, action, (transaction, records) -> edit.apply(records));
    }

    /**
     * Makes one edit as {@link #edit(String, String, String, Function)} does, handing {@code edit} the transaction's
     * connection beside the mapper: for an edit that also holds what it points to there (an organisation, with
     * {@code OrganisationRegistry.hold}) before it writes.
     *
     * @return whether anything changed
     */
    public boolean edit(String initiativeId, String actor, String action,
                        BiFunction<Connection, M, RecordEdit> edit) {
        return store.inTurn(module, initiativeId, c -> {
            RecordEdit stated = edit.apply(c, store.mapper(c, mapperType));
            if (stated.changes().none()) {
                return false;
            }
            stated.write().run();
            audit.record(c, actor, initiativeId, module, action, stated.subject() + ": " + stated.changes());
            return true;
        });
    }

    /**
     * The refusal (404) of an edit whose record was there when the request began and is not in the module's turn:
     * removed by a request at the same moment. For {@code Optional.orElseThrow}.
     *
     * @param record the record as a person names it ({@code "Working group 'Early literacy'"})
     */
    public static Supplier<ProblemException> gone(String record) {
        return () -> new ProblemException(Problem.notFound(record + " is gone: it was removed while this edit was "
                + "sent."));
    }
}
