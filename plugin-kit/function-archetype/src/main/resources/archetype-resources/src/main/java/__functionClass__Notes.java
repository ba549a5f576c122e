package ${package};

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicbackbone.api.audit.AuditLog;
import org.civicbackbone.api.initiative.InitiativeService;
import org.civicbackbone.api.problem.InputValidator;
import org.civicbackbone.api.store.BackboneStore;
import org.civicbackbone.api.store.SchemaMigration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The ${functionName} function's logic and data, in the plugin's own tables. */
@Component(service = ${functionClass}Notes.class)
public class ${functionClass}Notes {

    static final String FUNCTION_ID = "${functionId}";
    static final String MODULE = "function-" + FUNCTION_ID;

    /** The plugin's schema. Never edit a released migration: add the next one. */
    static final List<SchemaMigration> MIGRATIONS = List.of(new SchemaMigration(1, "notes", """
            CREATE TABLE ${functionId.replace("-", "_")}_note (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              initiative_id VARCHAR(64) NOT NULL,
              title VARCHAR(200) NOT NULL,
              text VARCHAR(4000),
              author VARCHAR(100) NOT NULL,
              written_at TIMESTAMP WITH TIME ZONE NOT NULL);
            """));

    private final BackboneStore store;
    private final AuditLog audit;
    private final InitiativeService initiatives;
    private final InputValidator validator;

    @Activate
    public ${functionClass}Notes(@Reference BackboneStore store, @Reference AuditLog audit,
            @Reference InitiativeService initiatives, @Reference InputValidator validator) {
        this.store = store;
        this.audit = audit;
        this.initiatives = initiatives;
        this.validator = validator;
        store.migrate(MODULE, MIGRATIONS);
    }

    /** The overview for an initiative that has enabled the function. */
    public Overview overview(String initiativeId) {
        return Overview.of(initiativeId, notes(initiativeId));
    }

    /** An initiative's notes, oldest first. */
    public List<Note> notes(String initiativeId) {
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        return store.read(c -> {
            List<Note> notes = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, title, text, author, written_at FROM "
                    + "${functionId.replace("-", "_")}_note WHERE initiative_id = ? ORDER BY id")) {
                p.setString(1, initiativeId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        notes.add(new Note(r.getLong(1), initiativeId, r.getString(2), r.getString(3),
                                r.getString(4), r.getTimestamp(5).toInstant()));
                    }
                }
            }
            return notes;
        });
    }

    /** Writes a note, recorded in the audit log in the same transaction. */
    public Note write(String initiativeId, NoteSpec spec, String actor) {
        validator.validate(spec);
        initiatives.requireFunction(initiativeId, FUNCTION_ID);
        return store.inTransaction(c -> {
            Instant now = Instant.now();
            long id = insert(c, initiativeId, spec, actor, now);
            audit.record(c, actor, initiativeId, MODULE, "note.write", "note " + id);
            return new Note(id, initiativeId, spec.title().strip(), spec.text(), actor, now);
        });
    }

    private static long insert(Connection c, String initiativeId, NoteSpec spec, String actor, Instant now)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO ${functionId.replace("-", "_")}_note "
                + "(initiative_id, title, text, author, written_at) VALUES (?, ?, ?, ?, ?)", new String[] {"ID"})) {
            p.setString(1, initiativeId);
            p.setString(2, spec.title().strip());
            p.setString(3, spec.text());
            p.setString(4, actor);
            p.setTimestamp(5, Timestamp.from(now));
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
