package fr.ent.portal.platform.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

import fr.ent.portal.platform.config.Setting;
import fr.ent.portal.platform.config.Settings;

/**
 * The physical connections of the portal's pool, opened from MicroProfile Config
 * ({@code ent.db.url}, {@code ent.db.user}, {@code ent.db.password}) so that one build runs on the
 * embedded H2 file and on PostgreSQL. The application server pools and enlists these connections
 * (see {@link SchemaMigration}'s data source definition).
 * <p>
 * A connection failure names the settings to fix, never the password.
 */
public class ConfiguredDataSource implements DataSource {

    private int loginTimeout;

    @Override
    public Connection getConnection() throws SQLException {
        Settings settings = Settings.current();
        return open(settings.get(Setting.DB_URL), settings.get(Setting.DB_USER), settings.get(Setting.DB_PASSWORD));
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    private Connection open(String url, String user, String password) throws SQLException {
        Driver driver = driverFor(url);
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        try {
            Connection connection = driver.connect(url, properties);
            if (connection == null) {
                throw new SQLException("The driver " + driver.getClass().getName() + " does not accept " + url);
            }
            return connection;
        } catch (SQLException e) {
            throw new SQLException("Cannot connect to the database " + url + " as user '" + user + "': " + e.getMessage()
                    + ". Check " + hint(), e.getSQLState(), e);
        }
    }

    static Driver driverFor(String url) throws SQLException {
        String className;
        if (url.startsWith("jdbc:h2:")) {
            className = "org.h2.Driver";
        } else if (url.startsWith("jdbc:postgresql:")) {
            className = "org.postgresql.Driver";
        } else {
            throw new SQLException("Unsupported database URL '" + url + "': use jdbc:h2:… or jdbc:postgresql:…. Check " + hint());
        }
        try {
            return (Driver) Class.forName(className, true, ConfiguredDataSource.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SQLException("JDBC driver " + className + " not found for " + url, e);
        }
    }

    static String hint() {
        return "the settings " + Setting.DB_URL.key() + " (" + Setting.DB_URL.environmentVariable() + "), "
                + Setting.DB_USER.key() + " (" + Setting.DB_USER.environmentVariable() + ") and "
                + Setting.DB_PASSWORD.key() + " (" + Setting.DB_PASSWORD.environmentVariable() + ")";
    }

    // Properties the server may set from the data source definition: the configuration above decides.
    public void setUrl(String ignored) { }
    public void setURL(String ignored) { }
    public void setUser(String ignored) { }
    public void setPassword(String ignored) { }
    public void setServerName(String ignored) { }
    public void setPortNumber(int ignored) { }
    public void setDatabaseName(String ignored) { }
    public void setDescription(String ignored) { }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no driver log writer
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
