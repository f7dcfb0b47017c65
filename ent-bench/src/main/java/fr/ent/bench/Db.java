package fr.ent.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The {@code bench} PostgreSQL database: created empty before the portal starts, seeded through JDBC after Flyway. */
final class Db {

    static final long FIRST_ID = 50_000_000L;

    private Db() {
    }

    /** Drops and creates the database (the portal's Flyway then migrates it from scratch). */
    static void recreate(Config config) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + config.pgHost + "/postgres", config.dbUser, "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + config.dbName + " with (force)");
            s.execute("create database " + config.dbName);
        }
    }

    /**
     * One establishment with three services, and {@code accounts} pupils {@code u.bench<n>} (ACTIVE, no pending action,
     * the given password hash, enrolled this school year): each lands on /home with three tiles.
     */
    static void seed(Config config, String phc) throws SQLException {
        try (Connection c = DriverManager.getConnection(config.dbUrl(), config.dbUser, "")) {
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            long establishment = FIRST_ID;
            try (PreparedStatement e = c.prepareStatement("insert into establishment (id, version, uai, name, kind, academie, city)"
                    + " values (?, 0, '0000001B', 'Lycée du banc d''essai', 'LYCEE', 'Créteil', 'Melun')")) {
                e.setLong(1, establishment);
                e.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into offered_service (id, version, establishment_id, name, url,"
                    + " display_position) values (?, 0, ?, ?, ?, ?)")) {
                String[][] services = {{"Pronote", "https://pronote.bench.example/"},
                        {"Médiacentre", "https://mediacentre.bench.example/"}, {"PIX", "https://pix.bench.example/"}};
                for (int i = 0; i < services.length; i++) {
                    s.setLong(1, FIRST_ID + i);
                    s.setLong(2, establishment);
                    s.setString(3, services[i][0]);
                    s.setString(4, services[i][1]);
                    s.setInt(5, i);
                    s.addBatch();
                }
                s.executeBatch();
            }
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
            int schoolYear = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
            try (PreparedStatement a = c.prepareStatement("insert into account (id, version, identifier, first_name, last_name,"
                    + " birth_date, profile, status, password_hash, created_at)"
                    + " values (?, 0, ?, 'Banc', ?, ?, 'PUPIL', 'ACTIVE', ?, ?)");
                 PreparedStatement en = c.prepareStatement("insert into enrollment (id, version, pupil_id, establishment_id,"
                         + " division, school_year) values (?, 0, ?, ?, '2nde B', ?)")) {
                for (int n = 1; n <= config.accounts; n++) {
                    long id = FIRST_ID + n;
                    a.setLong(1, id);
                    a.setString(2, "u.bench" + n);
                    a.setString(3, "Essai" + n);
                    a.setObject(4, LocalDate.of(2010, 1, 1).plusDays(n % 700));
                    a.setString(5, phc);
                    a.setTimestamp(6, now);
                    a.addBatch();
                    en.setLong(1, id);
                    en.setLong(2, id);
                    en.setLong(3, establishment);
                    en.setInt(4, schoolYear);
                    en.addBatch();
                    if (n % 1000 == 0) {
                        a.executeBatch();
                        en.executeBatch();
                    }
                }
                a.executeBatch();
                en.executeBatch();
            }
            c.commit();
        }
    }

    /** Gives every bench account this password hash; returns how many there were. */
    static int setHash(Config config, String phc) throws SQLException {
        try (Connection c = DriverManager.getConnection(config.dbUrl(), config.dbUser, "");
             PreparedStatement s = c.prepareStatement("update account set password_hash = ? where identifier like 'u.bench%'")) {
            s.setString(1, phc);
            return s.executeUpdate();
        }
    }
}
