package org.civicbackbone.store.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.executor.parameter.ParameterHandler;
import org.apache.ibatis.executor.resultset.ResultSetHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;

/**
 * The MyBatis configuration of one mapper: statements whose rows become records, read whole, are mapped by a plan
 * kept per statement ({@link RecordRows}); everything else as MyBatis maps it.
 */
final class RecordConfiguration extends Configuration {

    private final Map<String, RecordRows.Plan> plans = new ConcurrentHashMap<>();

    RecordConfiguration(Environment environment) {
        super(environment);
    }

    @Override
    public ResultSetHandler newResultSetHandler(Executor executor, MappedStatement statement, RowBounds rowBounds,
                                                ParameterHandler parameters, ResultHandler resultHandler,
                                                BoundSql sql) {
        ResultSetHandler mybatis = super.newResultSetHandler(executor, statement, rowBounds, parameters, resultHandler,
                sql);
        Class<?> record = RecordRows.recordOf(statement);
        boolean whole = resultHandler == null && rowBounds.getOffset() == RowBounds.NO_ROW_OFFSET
                && rowBounds.getLimit() == RowBounds.NO_ROW_LIMIT;
        return record != null && whole ? new RecordRows(statement, record, mybatis, getTypeHandlerRegistry(), plans)
                : mybatis;
    }
}
