package org.civicbackbone.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.civicbackbone.api.store.SchemaMigration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Before;
import org.junit.Test;

/** Mappers on the unit of work's connection: rows to records by name, generated ids, nulls, one transaction. */
public class MapperTest {

    /** A row as a record: components named as the columns in camelCase, in any order. */
    public record Grant(long id, String funderName, BigDecimal amount, LocalDate awardedOn, Instant recordedAt,
                        boolean open, String note) {
    }

    /** What an insert fills in. */
    public static final class NewGrant {
        public Long id;
        public final String funderName;
        public final BigDecimal amount;
        public final String note;

        NewGrant(String funderName, BigDecimal amount, String note) {
            this.funderName = funderName;
            this.amount = amount;
            this.note = note;
        }
    }

    public interface Grants {
        @Insert("INSERT INTO g (funder_name, amount, awarded_on, recorded_at, open, note) "
                + "VALUES (#{funderName}, #{amount}, DATE '2026-01-02', TIMESTAMP WITH TIME ZONE '2026-01-02 10:00:00+00', "
                + "TRUE, #{note})")
        @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
        void insert(NewGrant grant);

        // columns in another order than the record's components: mapped by name, not position
        @Select("SELECT note, open, recorded_at, awarded_on, amount, funder_name, id FROM g WHERE amount >= #{least} "
                + "ORDER BY id")
        List<Grant> atLeast(@Param("least") BigDecimal least);

        @Select("SELECT COUNT(*) FROM g")
        int count();
    }

    private JdbcBackboneStore store;

    @Before
    public void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:mapper" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        store = new JdbcBackboneStore(ds);
        store.migrate("m", List.of(new SchemaMigration(1, "g", "CREATE TABLE g (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                + "funder_name VARCHAR(100) NOT NULL, amount DECIMAL(20,2) NOT NULL, awarded_on DATE NOT NULL, "
                + "recorded_at TIMESTAMP WITH TIME ZONE NOT NULL, open BOOLEAN NOT NULL, note VARCHAR(100))")));
    }

    @Test
    public void mapsRowsToRecordsByNameAndAnswersGeneratedIds() {
        long first = store.inTransaction(c -> {
            NewGrant grant = new NewGrant("Eastside Trust", new BigDecimal("1500.50"), null);
            store.mapper(c, Grants.class).insert(grant);
            return grant.id;
        });
        long second = store.inTransaction(c -> {
            NewGrant grant = new NewGrant("City Fund", new BigDecimal("20.00"), "small");
            store.mapper(c, Grants.class).insert(grant);
            return grant.id;
        });
        assertEquals(first + 1, second);
        List<Grant> big = store.read(c -> store.mapper(c, Grants.class).atLeast(new BigDecimal("100")));
        assertEquals(1, big.size());
        Grant grant = big.get(0);
        assertEquals(first, grant.id());
        assertEquals("Eastside Trust", grant.funderName());
        assertEquals(new BigDecimal("1500.50"), grant.amount());
        assertEquals(LocalDate.of(2026, 1, 2), grant.awardedOn());
        assertEquals(Instant.parse("2026-01-02T10:00:00Z"), grant.recordedAt());
        assertEquals(true, grant.open());
        assertNull(grant.note());
    }

    @Test
    public void statementsJoinTheUnitOfWorkAndRollBackWithIt() {
        assertThrows(IllegalStateException.class, () -> store.inTransaction(c -> {
            Grants grants = store.mapper(c, Grants.class);
            grants.insert(new NewGrant("A", BigDecimal.ONE, null));
            assertEquals("the mapper sees its own transaction's write", 1, grants.count());
            throw new IllegalStateException("the rest of the work failed");
        }));
        assertEquals(0, store.read(c -> store.mapper(c, Grants.class).count()).intValue());
        // the connection stayed usable for plain JDBC after the mapper
        assertEquals(1, store.inTransaction(c -> {
            store.mapper(c, Grants.class).insert(new NewGrant("B", BigDecimal.TEN, null));
            try (var s = c.createStatement(); var r = s.executeQuery("SELECT COUNT(*) FROM g")) {
                r.next();
                return r.getInt(1);
            }
        }).intValue());
    }
}
