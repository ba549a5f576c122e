package org.civicbackbone.store.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.CallableStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.executor.resultset.ResultSetHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.type.TypeHandler;
import org.apache.ibatis.type.TypeHandlerRegistry;

/**
 * Maps the rows of a statement whose result is a record through a plan made once: each component matched by name to
 * a column (as MyBatis matches them: underscores ignored, any case), then every row read by position and handed to
 * the canonical constructor. MyBatis's own mapping by constructor-argument name matches every argument against every
 * column for every row; it was 30 % of the CPU of an overview request (ADR 0015). Statements whose columns
 * do not name every component are left to MyBatis, as are cursors and output parameters.
 */
final class RecordRows implements ResultSetHandler {

    /** How to read one statement's rows; {@link #MYBATIS} when MyBatis reads them. */
    record Plan(List<String> labels, int[] columns, TypeHandler<?>[] handlers, Constructor<?> constructor) {

        static final Plan MYBATIS = new Plan(List.of(), new int[0], new TypeHandler<?>[0], null);

        Object row(ResultSet rows) throws SQLException {
            Object[] args = new Object[columns.length];
            for (int i = 0; i < columns.length; i++) {
                args[i] = handlers[i].getResult(rows, columns[i]);
            }
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw new IllegalStateException("Cannot make a " + constructor.getDeclaringClass().getSimpleName()
                        + " of the row " + Arrays.toString(args) + ": " + e.getMessage(), e);
            }
        }
    }

    private final MappedStatement statement;
    private final Class<?> record;
    private final ResultSetHandler mybatis;
    private final TypeHandlerRegistry types;
    private final Map<String, Plan> plans;

    RecordRows(MappedStatement statement, Class<?> record, ResultSetHandler mybatis, TypeHandlerRegistry types,
               Map<String, Plan> plans) {
        this.statement = statement;
        this.record = record;
        this.mybatis = mybatis;
        this.types = types;
        this.plans = plans;
    }

    /** The record a statement's rows become, when it has one plain result map of a record type; else null. */
    static Class<?> recordOf(MappedStatement statement) {
        if (statement.getResultMaps().size() != 1 || statement.getResultSets() != null) {
            return null;
        }
        ResultMap map = statement.getResultMaps().get(0);
        boolean plain = map.getResultMappings().isEmpty() && !map.hasNestedResultMaps() && !map.hasNestedQueries()
                && map.getDiscriminator() == null;
        return plain && map.getType().isRecord() ? map.getType() : null;
    }

    @Override
    public <E> List<E> handleResultSets(Statement stmt) throws SQLException {
        ResultSet rows = stmt.getResultSet();
        if (rows == null) {
            return mybatis.handleResultSets(stmt);
        }
        Plan plan = plan(rows.getMetaData());
        if (plan == Plan.MYBATIS) {
            return mybatis.handleResultSets(stmt);
        }
        List<E> list = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                @SuppressWarnings("unchecked")
                E row = (E) plan.row(rows);
                list.add(row);
            }
        }
        return list;
    }

    /** The statement's plan, made again if its columns are not those it was made for. */
    private Plan plan(ResultSetMetaData meta) throws SQLException {
        List<String> labels = new ArrayList<>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            labels.add(meta.getColumnLabel(i));
        }
        Plan plan = plans.get(statement.getId());
        if (plan == null || !plan.labels().equals(labels)) {
            plan = plan(labels);
            plans.put(statement.getId(), plan);
        }
        return plan;
    }

    private Plan plan(List<String> labels) {
        RecordComponent[] components = record.getRecordComponents();
        int[] columns = new int[components.length];
        TypeHandler<?>[] handlers = new TypeHandler<?>[components.length];
        Class<?>[] argTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName().toLowerCase(Locale.ROOT);
            int column = -1;
            for (int c = 0; c < labels.size() && column < 0; c++) {
                if (labels.get(c).replace("_", "").toLowerCase(Locale.ROOT).equals(name)) {
                    column = c + 1;
                }
            }
            argTypes[i] = components[i].getType();
            handlers[i] = types.getTypeHandler(argTypes[i]);
            if (column < 0 || handlers[i] == null) {
                return Plan.MYBATIS;
            }
            columns[i] = column;
        }
        try {
            Constructor<?> constructor = record.getDeclaredConstructor(argTypes);
            constructor.trySetAccessible(); // a record that is not public, as MyBatis's object factory allows
            return new Plan(List.copyOf(labels), columns, handlers, constructor);
        } catch (NoSuchMethodException e) {
            return Plan.MYBATIS;
        }
    }

    @Override
    public <E> Cursor<E> handleCursorResultSets(Statement stmt) throws SQLException {
        return mybatis.handleCursorResultSets(stmt);
    }

    @Override
    public void handleOutputParameters(CallableStatement cs) throws SQLException {
        mybatis.handleOutputParameters(cs);
    }
}
