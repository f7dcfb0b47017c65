package fr.ent.portal.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The PostgreSQL databases of the black-box tests: the suite's ({@code ent.test.db.url}) and its siblings. */
final class TestDatabases {

    private TestDatabases() {
    }

    static String user() {
        return System.getProperty("ent.test.db.user", "postgres");
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user(), System.getProperty("ent.test.db.password", ""));
    }

    /**
     * {@code <database><suffix>} next to the database of {@code url} (same server, same parameters), created when
     * missing; its URL.
     */
    static String sibling(String url, String suffix) throws SQLException {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String name = (query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query)) + suffix;
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException alreadyThere) {
            if (!"42P04".equals(alreadyThere.getSQLState())) {
                throw alreadyThere;
            }
        }
        return url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
    }

    /** Drops everything in the public schema: the portal migrates it again from scratch. */
    static void empty(String url) throws SQLException {
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("drop schema if exists public cascade");
            s.execute("create schema public");
        }
    }
}
