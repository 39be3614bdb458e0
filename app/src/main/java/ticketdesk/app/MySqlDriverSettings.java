package ticketdesk.app;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * MySQL Connector/J's settings for a service of short transactions, applied when the datasource URL is
 * {@code jdbc:mysql://} (H2 would refuse them, MariaDB's driver does these things already). By default
 * Connector/J parses every statement's SQL again on each prepare, and asks the server for the session's
 * autocommit and isolation instead of remembering what it set: measured in the claim storm, the parsing
 * alone was a fifth of the app's CPU. A setting given in the URL or in
 * {@code datasources.default.data-source-properties} wins over these. The two-instance test
 * (bench/TwoInstancesTest) runs the jar on a {@code jdbc:mysql://} URL, so the claim race, replies and
 * emails are checked with these settings on.
 */
@Singleton
class MySqlDriverSettings implements BeanCreatedEventListener<DatasourceConfiguration> {

    // not cacheResultSetMetadata: after another instance's migration a cached column list of SELECT * is stale
    static final Map<String, String> SETTINGS = Map.of(
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "500",
            "prepStmtCacheSqlLimit", "4096",
            "useLocalSessionState", "true",
            "cacheServerConfiguration", "true",
            "elideSetAutoCommits", "true",
            "maintainTimeStats", "false",
            // a read-only transaction needs no SET SESSION TRANSACTION READ ONLY / READ WRITE round trips
            "readOnlyPropagatesToServer", "false");

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        String url = datasource.getUrl();
        if (url != null && url.startsWith("jdbc:mysql:")) {
            SETTINGS.forEach((name, value) -> {
                if (!url.contains(name + "=") && !datasource.getDataSourceProperties().containsKey(name)) {
                    datasource.addDataSourceProperty(name, value);
                }
            });
        }
        return datasource;
    }
}
